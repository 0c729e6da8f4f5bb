package io.cpor.claims.api;

import io.cpor.claims.domain.ClaimNotFoundException;
import io.cpor.claims.domain.ClaimStateException;
import io.cpor.claims.domain.ClaimStatus;
import io.cpor.claims.domain.Claims;
import io.cpor.claims.domain.Drafts;
import io.cpor.support.security.PartnerTokens;
import io.cpor.support.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/**
 * Drafts: a claim stored before it is complete ({@code POST ?draft=true}, in {@link ClaimsController}), read, edited
 * with JSON merge patches, and submitted when done, when it is checked as a claim is and goes to review under the
 * draft's id. The same patch changes a submitted claim while a validator's question is open.
 */
@RestController
@RequestMapping(path = "/api/v1/claims", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Claims")
@SecurityRequirement(name = "bearer")
class DraftsController {

    static final String MERGE_PATCH = "application/merge-patch+json";

    private final Drafts drafts;
    private final Claims claims;
    private final DraftContents contents;
    private final ClaimAmendments amendments;

    DraftsController(Drafts drafts, Claims claims, DraftContents contents, ClaimAmendments amendments) {
        this.drafts = drafts;
        this.claims = claims;
        this.contents = contents;
        this.amendments = amendments;
    }

    @GetMapping("/drafts")
    @Operation(operationId = "listDrafts",
            summary = "List your drafts", description = "Every draft not expired, most recently edited first.")
    Mono<DraftView.Page> list(@AuthenticationPrincipal Jwt token) {
        return drafts.list(PartnerTokens.partnerId(token)).map(contents::view).collectList().map(DraftView.Page::new);
    }

    @GetMapping("/drafts/{claimId}")
    @Operation(operationId = "getDraft", summary = "Read a draft")
    @ApiResponse(responseCode = "200", description = "The draft")
    @ApiResponse(responseCode = "404", description = "No such draft of yours (or it expired, or was submitted)",
            content = @Content(mediaType = "application/problem+json"))
    Mono<DraftView> get(@AuthenticationPrincipal Jwt token, @PathVariable String claimId) {
        return ClaimAnswers.mapped(drafts.get(PartnerTokens.partnerId(token), ClaimAnswers.claimId(claimId))
                .map(contents::view));
    }

    @PatchMapping(path = "/{claimId}", consumes = MERGE_PATCH)
    @Operation(operationId = "edit",
            summary = "Edit a draft, or a claim while a validator's question is open", description = "A JSON merge "
            + "patch (RFC 7386): fields given replace, fields given as null go, the rest stay. A draft takes any "
            + "field and is checked as a draft is (answer: the draft). A submitted claim that is "
            + "INFORMATION_REQUESTED takes customer.contact, partnerContact, technicalContact, workloads (of its "
            + "solution area), proofOfExecution and a comment to add, and is checked as a submitted claim is "
            + "(answer: the claim); the validator sees each change.")
    @ApiResponse(responseCode = "200", description = "The draft or the claim as it is now",
            content = @Content(schema = @Schema(oneOf = {DraftView.class, ClaimView.class})))
    @ApiResponse(responseCode = "400", description = "The patch makes no valid draft or claim, or changes what "
            + "cannot change: every offending field",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "No such draft or claim of yours",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "409", description = "A submitted claim not waiting on your answer",
            content = @Content(mediaType = "application/problem+json"))
    Mono<Object> edit(@AuthenticationPrincipal Jwt token, @PathVariable String claimId,
            @RequestBody Map<String, Object> body) {
        String partnerId = PartnerTokens.partnerId(token);
        UUID id = ClaimAnswers.claimId(claimId);
        ObjectNode patch = contents.patch(body);
        return claims.find(partnerId, id)
                .flatMap(claim -> ClaimAnswers.mapped(claims.amend(partnerId, id,
                        details -> amendments.of(details, patch), UUID.randomUUID()))
                        .<Object>map(amended -> ClaimView.of(amended, claims.disputeWindow())))
                .switchIfEmpty(Mono.defer(() -> ClaimAnswers.mapped(drafts.edit(partnerId, id,
                        content -> contents.patched(content, patch, partnerId)).map(contents::view))));
    }

    @DeleteMapping("/drafts/{claimId}")
    @Operation(operationId = "discardDraft", summary = "Discard a draft")
    @ApiResponse(responseCode = "204", description = "Gone")
    @ApiResponse(responseCode = "404", description = "No such draft of yours",
            content = @Content(mediaType = "application/problem+json"))
    Mono<ResponseEntity<Void>> discard(@AuthenticationPrincipal Jwt token, @PathVariable String claimId) {
        return ClaimAnswers.mapped(drafts.discard(PartnerTokens.partnerId(token), ClaimAnswers.claimId(claimId)))
                .thenReturn(ResponseEntity.noContent().build());
    }

    @PostMapping("/{claimId}/submit")
    @Operation(operationId = "submitDraft",
            summary = "Submit a draft", description = "Checks the draft as a claim (400 naming every missing or "
            + "malformed field), stores it as the claim with the draft's id and its ClaimSubmitted event, and "
            + "starts the review. Submitting again finds the claim.")
    @ApiResponse(responseCode = "202", description = "Submitted; Location names the claim")
    @ApiResponse(responseCode = "400", description = "The draft is not a complete claim: every offending field",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "No such draft of yours",
            content = @Content(mediaType = "application/problem+json"))
    Mono<ResponseEntity<ClaimAccepted>> submit(@AuthenticationPrincipal Jwt token, @PathVariable String claimId) {
        String partnerId = PartnerTokens.partnerId(token);
        return ClaimAnswers.mapped(drafts.submit(partnerId, ClaimAnswers.claimId(claimId),
                        content -> contents.complete(content, partnerId)))
                .map(claim -> ResponseEntity.accepted()
                        .location(URI.create("/api/v1/claims/" + claim.id()))
                        .body(new ClaimAccepted(claim.id().toString(), ClaimStatus.SUBMITTED.name(),
                                claim.state().submittedAt())));
    }


}
