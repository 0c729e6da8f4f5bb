package io.cpor.validation.directory;

import io.cpor.support.partners.PartnerDirectory;
import io.cpor.support.partners.RegisteredPartner;
import io.cpor.validation.domain.PartnerRegistry;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The programs of a partner from the partner directory. */
@Component
class DirectoryPartnerRegistry implements PartnerRegistry {

    private final PartnerDirectory directory;

    DirectoryPartnerRegistry(PartnerDirectory directory) {
        this.directory = directory;
    }

    @Override
    public Mono<Optional<Set<String>>> programsOf(String partnerId) {
        return directory.partner(partnerId).map(found -> found.map(RegisteredPartner::programs).map(Set::copyOf));
    }
}
