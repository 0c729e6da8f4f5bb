package io.cpor.claims.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The body of {@code POST /api/v1/claims}. Fields are checked by {@link ClaimRequestValidator}. */
@Schema(description = "A customer association claim")
record ClaimRequest(
        @Schema(description = "Your PartnerID (MPN location ID, 6-8 digits); must be the token's partner_id",
                example = "1000001") String partnerId,
        @Schema(description = "Your own name for the claim, at most 200 characters",
                example = "Contoso Teams rollout") String name,
        @Schema(description = "The customer") CustomerRequest customer,
        @Schema(description = "Your person who hears about the claim") PartnerContactRequest partnerContact,
        @Schema(description = "Solution area code", example = "MODERN_WORK_SECURITY") String solutionArea,
        @Schema(description = "Incentive program code", example = "OSU_M365") String program,
        @Schema(description = "Partner role code", example = "USE_OR_CONSUME") String partnerRole,
        @Schema(description = "Workload codes of the solution area, 1 to 50, distinct",
                example = "[\"TEAMS\", \"EXCHANGE_ONLINE\"]") List<String> workloads,
        @Schema(description = "The customer's subscription id; required for Business Applications claims",
                nullable = true) String subscriptionId,
        @Schema(description = "The signed proof of execution", nullable = true) DocumentRequest proofOfExecution,
        @Schema(description = "Your technical person for the deployment: required for Business Applications "
                + "claims, and only for them", nullable = true) TechnicalContactRequest technicalContact,
        @Schema(description = "Your comments for the validator, at most 4000 characters; they appear in the "
                + "claim's timeline", nullable = true, example = "Deployment finished in March; usage report "
                + "attached to the proof.") String comments,
        @Schema(description = "You accept the program's terms: required, and true, to submit", example = "true")
        Boolean programTermsAccepted,
        @Schema(description = "true: the association is recognised but you earn no incentive for it (default "
                + "false)", nullable = true, example = "false") Boolean incentiveOptOut) {

    /** The customer's tenant and the person who is notified. */
    record CustomerRequest(
            @Schema(description = "Entra tenant id (GUID)", example = "2f6b1c3e-8d4a-4b7e-9a51-6c0d3e2f1a01")
            String tenantId,
            @Schema(description = "A domain of the tenant", example = "contoso.onmicrosoft.com") String domain,
            @Schema(description = "Language of the customer's email: en (default) or pt-BR", example = "en",
                    nullable = true) String locale,
            @Schema(description = "The customer person notified of the association request") ContactRequest contact) {
    }

    /** The customer person: name, optional title, email. */
    record ContactRequest(
            @Schema(example = "Ana Souza") String name,
            @Schema(example = "CIO", nullable = true) String title,
            @Schema(example = "ana.souza@contoso.com") String email) {
    }

    /** Your person who hears about the claim: name and email. */
    record PartnerContactRequest(
            @Schema(example = "Sam Partner") String name,
            @Schema(example = "sam@partner-one.example") String email) {
    }

    /** Your technical person: name, email, optional phone. */
    record TechnicalContactRequest(
            @Schema(example = "Rui Tech") String name,
            @Schema(example = "rui@partner-one.example") String email,
            @Schema(description = "Digits, spaces, +, -, ( and ), at most 40", example = "+55 11 5555-0100",
                    nullable = true) String phone) {
    }

    /** A document you keep: we store the reference, never the file. */
    record DocumentRequest(
            @Schema(example = "proof-of-execution.pdf") String fileName,
            @Schema(example = "application/pdf") String mediaType,
            @Schema(example = "48213") Long sizeBytes,
            @Schema(description = "64 hex characters",
                    example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08") String sha256,
            @Schema(description = "https location", example = "https://files.example.com/poe.pdf") String uri) {
    }
}
