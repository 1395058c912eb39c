package org.saferkent.partnership.dhr.adapter.in.web;

import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.saferkent.partnership.dhr.application.DomesticHomicideReviews;
import org.saferkent.platform.service.RequestProblems;
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
 * the review. The key is destroyed (crypto-shredding), the erasure is on the audit trail under the officer's name, and
 * the review's non-personal facts and deadlines stay. Nothing personal is echoed back or logged.
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

    /** The review whose personal details are to be erased. */
    record DhrErasureRequest(@NotBlank(message = "is required") @Size(max = 100, message = "must be at most {max} characters")
            String reviewId) {
    }

    /** What was done: the review, the data keys destroyed (0 on a second erasure, or with no details held), when. */
    record DhrErasureView(String reviewId, long keysDestroyed, Instant erasedAt) {
    }

    /** 200 once the review's personal details are shredded; 404 when there is no such review (nothing is recorded). */
    @PostMapping(path = "/dhr-erasures", consumes = MediaType.APPLICATION_JSON_VALUE)
    DhrErasureView erase(@RequestBody(required = false) DhrErasureRequest request, HttpServletRequest http) {
        DhrErasureRequest body = RequestProblems.body(request);
        RequestProblems.of(validator, body).throwIfAny();
        DomesticHomicideReviews.Erasure erasure = reviews.erasePersonalDetails(body.reviewId().trim());
        audit.personalDataErased(http, "dhr-personal-details", erasure.reviewId(),
                "erased: " + erasure.keysDestroyed() + " data key(s) destroyed");
        return new DhrErasureView(erasure.reviewId(), erasure.keysDestroyed(), erasure.erasedAt());
    }
}
