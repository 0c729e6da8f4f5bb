package io.cpor.support.partners;

import java.util.List;

/** A partner organisation as registered: what the customer is told, and what it may claim under. */
public record RegisteredPartner(String partnerId, String name, String country, List<String> programs) {

    public RegisteredPartner {
        programs = List.copyOf(programs);
    }

    public boolean enrolledIn(String program) {
        return programs.contains(program);
    }

    /** How a customer is told who asks: the registered name and the PartnerID. */
    public String displayName() {
        return name + " (PartnerID " + partnerId + ")";
    }
}
