package io.cpor.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

class ClaimFormTests {

    @Test
    void dottedFieldsBecomeTheNestedBodyOfTheClaimsApiWithThePartnerSignedIn() {
        MultiValueMap<String, String> typed = new LinkedMultiValueMap<>();
        typed.add("name", "  Contoso rollout ");
        typed.add("customer.contact.email", "ana@contoso.example");
        typed.add("customer.tenantId", "2f6b1c3e-8d4a-4b7e-9a51-6c0d3e2f1a01");
        typed.add("proofOfExecution.sha256", "9f86");
        typed.add("proofOfExecution.sizeBytes", "48213");
        typed.add("workloads", "TEAMS");
        typed.add("workloads", "TEAMS");
        typed.add("workloads", "EXCHANGE_ONLINE");
        typed.add("programTermsAccepted", "true");

        Map<String, Object> body = ClaimForm.read(typed).body("1000001");

        assertThat(body).containsEntry("partnerId", "1000001").containsEntry("name", "Contoso rollout")
                .containsEntry("workloads", List.of("TEAMS", "EXCHANGE_ONLINE"))
                .containsEntry("programTermsAccepted", true).containsEntry("incentiveOptOut", false)
                .containsEntry("customer", Map.of("tenantId", "2f6b1c3e-8d4a-4b7e-9a51-6c0d3e2f1a01",
                        "contact", Map.of("email", "ana@contoso.example")))
                .containsEntry("proofOfExecution", Map.of("sha256", "9f86", "sizeBytes", 48213L));
    }

    @Test
    void blankFieldsAreLeftOutForTheApiToNameAndANumberThatIsNotOneIsSentAsTyped() {
        MultiValueMap<String, String> typed = new LinkedMultiValueMap<>();
        typed.add("name", "   ");
        typed.add("proofOfExecution.sizeBytes", "48 KB");

        Map<String, Object> body = ClaimForm.read(typed).body("1000001");

        assertThat(body).doesNotContainKey("name")
                .containsEntry("proofOfExecution", Map.of("sizeBytes", "48 KB"));
    }

    @Test
    void fieldsTheFormDoesNotHaveAreNotPassedOnWhateverTheBrowserSends() {
        MultiValueMap<String, String> typed = new LinkedMultiValueMap<>();
        typed.add("partnerId", "1000002");
        typed.add("customer.contact.email.__proto__", "x");
        typed.add("status", "APPROVED");

        Map<String, Object> body = ClaimForm.read(typed).body("1000001");

        assertThat(body).containsEntry("partnerId", "1000001").doesNotContainKeys("status", "customer");
    }

    @Test
    void everyFieldOfTheFormHasALabelForTheSummaryOfRefusals() {
        assertThat(ClaimForm.LABELS.keySet()).containsAll(ClaimForm.FIELDS).contains("workloads");
    }
}
