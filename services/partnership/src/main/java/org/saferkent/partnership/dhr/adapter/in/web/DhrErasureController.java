package org.saferkent.partnership.dhr.adapter.in.web;

import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.saferkent.partnership.dhr.application.DomesticHomicideReviews;
import org.saferkent.platform.service.RequestProblems;
import org.saferkent.platform.dataprotection.ErasureRequests;
import org.saferkent.platform.service.security.PersonalDataAudit;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The data protection officer's erasure of a Domestic Homicide Review's personal details ({@code subjects.erase},
 * as every service's {@code /api/data-protection/**}). A review's details are sealed with the review's own data key,
 * not a person's pseudonym, so referrals' {@code SubjectErased} (by pseudonym) cannot find them: the officer names
 * the review, and the data subject's request it carries out ({@code requestReference}, as referrals' erasure). The key is
 * destroyed (crypto-shredding), the erasure is on the audit trail under the officer's name (the token's subject: the
 * person signed in on the page, or the client; never the body) with the reference, and the review's non-personal facts
 * and deadlines stay. Nothing personal is echoed back or logged.
 */
@RestController
@RequestMapping("/api/data-protection")
class DhrErasureController {

    private final DomesticHomicideReviews reviews;
    private final PersonalDataAudit audit;
    private final Validator validator;

    DhrErasureController(DomesticHomicideReviews reviews, PersonalDataAudit audit, Validator validator) {
        this.reviews = reviews;
        this.audit = audit;
        this.validator = validator;
    }

    /** The review whose personal details are to be erased, and the data subject's request this carries out. */
    record DhrErasureRequest(@NotBlank(message = "is required") @Size(max = 100, message = "must be at most {max} characters")
            String reviewId,
            @NotBlank(message = "is required: " + ErasureRequests.REFERENCE_RULE) @Size(max = ErasureRequests.MAX_REFERENCE, message = "must be " + ErasureRequests.REFERENCE_RULE)
            @Pattern(regexp = ErasureRequests.REFERENCE_PATTERN, message = "must be " + ErasureRequests.REFERENCE_RULE) String requestReference) {
    }

    /**
     * What was done: the review, the data keys destroyed (0 on a second erasure, or with no details held), when, by whom
     * (the token's subject) and under which request.
     */
    record DhrErasureView(String reviewId, long keysDestroyed, Instant erasedAt, String erasedBy, String requestReference) {
    }

    /** 200 once the review's personal details are shredded; 404 when there is no such review (nothing is recorded). */
    @PostMapping(path = "/dhr-erasures", consumes = MediaType.APPLICATION_JSON_VALUE)
    DhrErasureView erase(@RequestBody(required = false) DhrErasureRequest request, HttpServletRequest http) {
        DhrErasureRequest body = RequestProblems.body(request);
        RequestProblems.of(validator, body).throwIfAny();
        String erasedBy = ErasureRequests.erasedBy();
        String reference = body.requestReference();
        DomesticHomicideReviews.Erasure erasure = reviews.erasePersonalDetails(body.reviewId().trim());
        audit.personalDataErased(http, "dhr-personal-details", erasure.reviewId(),
                "erased under request " + reference + ": " + erasure.keysDestroyed() + " data key(s) destroyed");
        return new DhrErasureView(erasure.reviewId(), erasure.keysDestroyed(), erasure.erasedAt(), erasedBy, reference);
    }
}
