package io.cpor.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class PersonTests {

    @Test
    void anAdminChangesClaimsAViewerOnlyReadsThemAndAValidatorReadsNoPartnersClaims() {
        Person admin = new Person("Alex", "admin@partner1.example", "1000001", Set.of("cpor.claims"));
        Person viewer = new Person("Vera", "viewer@partner1.example", "1000001", Set.of("cpor.claims.read"));
        Person validator = new Person("Val", "validator@microsoft.example", null, Set.of("cpor.review"));

        assertThat(admin.canChangeClaims()).isTrue();
        assertThat(admin.canReadClaims()).isTrue();
        assertThat(admin.isValidator()).isFalse();
        assertThat(viewer.canChangeClaims()).isFalse();
        assertThat(viewer.canReadClaims()).isTrue();
        assertThat(validator.canReadClaims()).isFalse();
        assertThat(validator.isValidator()).isTrue();
    }

    @Test
    void aPartnerScopeWithoutAPartnerIdOffersNothing() {
        Person odd = new Person("Odd", "odd@example", null, Set.of("cpor.claims", "cpor.claims.read"));

        assertThat(odd.canChangeClaims()).isFalse();
        assertThat(odd.canReadClaims()).isFalse();
    }
}
