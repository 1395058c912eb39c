package org.saferkent.partnership.dhr.adapter.in.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Validator;

import org.saferkent.partnership.dhr.application.DomesticHomicideReviews;
import org.saferkent.partnership.dhr.application.PersonalDetails;
import org.saferkent.partnership.dhr.application.ReviewNotFoundException;
import org.saferkent.partnership.dhr.domain.DomesticHomicideReview;
import org.saferkent.partnership.dhr.domain.RecommendationStatus;
import org.saferkent.partnership.dhr.domain.RuleViolation;
import org.saferkent.partnership.vocabulary.District;
import org.saferkent.platform.dataprotection.PersonalDataErasedException;
import org.saferkent.platform.service.InvalidRequestException;
import org.saferkent.platform.service.RequestProblems;
import org.saferkent.platform.service.security.PersonalDataAudit;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Domestic Homicide Reviews (Home Office statutory guidance): the notification, the decision, the panel and its
 * independent chair, the review's completion, its submission to the Home Office and publication, and each
 * recommendation as an action until done. Personal details only through {@code /personal-details}, audited.
 */
@RestController
@RequestMapping("/api/partnership/dhrs")
class DhrController {

    private final DomesticHomicideReviews reviews;
    private final PersonalDataAudit audit;
    private final Validator validator;

    DhrController(DomesticHomicideReviews reviews, PersonalDataAudit audit, Validator validator) {
        this.reviews = reviews;
        this.audit = audit;
        this.validator = validator;
    }

    /** 201 with the new review. Nothing is stored or published when any field is refused (422 naming each). */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<DhrView> notify(@RequestBody(required = false) NotificationRequest request) {
        NotificationRequest body = RequestProblems.body(request);
        RequestProblems.of(validator, body).throwIfAny();
        District district = District.fromCode(body.district()).orElseThrow();
        DomesticHomicideReview review = ruled(() -> reviews.notify(district, body.notifiedOn(), body.agenciesInvolved(),
                body.personalDetails()));
        return ResponseEntity.created(URI.create("/api/partnership/dhrs/" + review.id())).body(DhrView.of(review));
    }

    @GetMapping("/{id}")
    DhrView find(@PathVariable String id) {
        return DhrView.of(reviews.find(id).orElseThrow(() -> new ReviewNotFoundException(id)));
    }

    /**
     * The review's personal details (the victim's name, ...): scope partnership.personal; every read is written to
     * the audit trail, its purpose {@code dhr-review} unless the request says otherwise ({@code X-Access-Purpose}).
     * Once erased (the data protection officer's {@code POST /api/data-protection/dhr-erasures}): 410 Gone.
     */
    @GetMapping("/{id}/personal-details")
    PersonalDetails personalDetails(@PathVariable String id, HttpServletRequest request) {
        reviews.find(id).orElseThrow(() -> new ReviewNotFoundException(id));
        PersonalDetails details;
        try {
            details = reviews.personalDetails(id).orElse(null);
        } catch (PersonalDataErasedException e) {
            // erased by the data protection officer: 410, and the attempt is on the trail all the same
            audit.personalDataRead(request, "dhr-personal-details", id, "dhr-review", "erased");
            throw e;
        }
        audit.personalDataRead(request, "dhr-personal-details", id, "dhr-review", details != null);
        return details == null ? new PersonalDetails(null, null, null) : details;
    }

    @PostMapping(path = "/{id}/decision", consumes = MediaType.APPLICATION_JSON_VALUE)
    DhrView decide(@PathVariable String id, @RequestBody(required = false) DecisionRequest request) {
        DecisionRequest body = RequestProblems.body(request);
        RequestProblems problems = RequestProblems.of(validator, body);
        body.validate(problems);
        problems.throwIfAny();
        return step(id, (review, today, now) -> review.decide(body.holdReview(), body.reason(), body.decidedOn(), today, now));
    }

    /** The chair must be independent of every agency involved: one from such an agency is a 422 naming chair.agency. */
    @PostMapping(path = "/{id}/panel", consumes = MediaType.APPLICATION_JSON_VALUE)
    DhrView convenePanel(@PathVariable String id, @RequestBody(required = false) PanelRequest request) {
        PanelRequest body = RequestProblems.body(request);
        RequestProblems problems = RequestProblems.of(validator, body);
        body.validate(problems);
        problems.throwIfAny();
        return step(id, (review, today, now) -> review.convenePanel(body.chair().name().trim(), body.chair().agency(),
                body.panelAgencies(), body.convenedOn(), today, now));
    }

    @PostMapping(path = "/{id}/completion", consumes = MediaType.APPLICATION_JSON_VALUE)
    DhrView complete(@PathVariable String id, @RequestBody(required = false) DatedStepRequest request) {
        LocalDate on = dated(request);
        return step(id, (review, today, now) -> review.complete(on, today, now));
    }

    @PostMapping(path = "/{id}/home-office-submission", consumes = MediaType.APPLICATION_JSON_VALUE)
    DhrView submit(@PathVariable String id, @RequestBody(required = false) DatedStepRequest request) {
        LocalDate on = dated(request);
        return step(id, (review, today, now) -> review.submitToHomeOffice(on, today, now));
    }

    @PostMapping(path = "/{id}/publication", consumes = MediaType.APPLICATION_JSON_VALUE)
    DhrView publish(@PathVariable String id, @RequestBody(required = false) DatedStepRequest request) {
        LocalDate on = dated(request);
        return step(id, (review, today, now) -> review.publish(on, today, now));
    }

    @PostMapping(path = "/{id}/recommendations", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<DhrView> recommend(@PathVariable String id, @RequestBody(required = false) RecommendationRequest request) {
        RecommendationRequest body = RequestProblems.body(request);
        RequestProblems.of(validator, body).throwIfAny();
        String recommendationId = DomesticHomicideReviews.newRecommendationId();
        DhrView view = step(id, (review, today, now) -> review.recommend(recommendationId, body.summary().trim(),
                body.ownerAgency(), body.dueOn(), now));
        return ResponseEntity.created(URI.create("/api/partnership/dhrs/" + id + "/recommendations/" + recommendationId)).body(view);
    }

    @PostMapping(path = "/{id}/recommendations/{recommendationId}/status", consumes = MediaType.APPLICATION_JSON_VALUE)
    DhrView updateRecommendation(@PathVariable String id, @PathVariable String recommendationId,
            @RequestBody(required = false) RecommendationStatusRequest request) {
        RecommendationStatusRequest body = RequestProblems.body(request);
        RequestProblems problems = RequestProblems.of(validator, body);
        RecommendationStatus status = RecommendationStatus.fromCode(body.status()).orElse(null);
        if (problems.isValid("status") && status == null) {
            problems.add("status", "must be open, in-progress or done");
        }
        problems.throwIfAny();
        RecommendationStatus newStatus = status;
        return step(id, (review, today, now) -> {
            if (review.recommendation(recommendationId).isEmpty()) {
                throw new ReviewNotFoundException(recommendationId);
            }
            return review.updateRecommendation(recommendationId, newStatus, body.doneOn(), today, now);
        });
    }

    private DhrView step(String id, DomesticHomicideReviews.Step step) {
        return DhrView.of(ruled(() -> reviews.perform(id, step)));
    }

    private LocalDate dated(DatedStepRequest request) {
        DatedStepRequest body = RequestProblems.body(request);
        RequestProblems.of(validator, body).throwIfAny();
        return body.on();
    }

    /** A rule about the request's own content answers like any invalid field (422); one about the order, 409. */
    private static <T> T ruled(Supplier<T> action) {
        try {
            return action.get();
        } catch (RuleViolation e) {
            if (e.invalid()) {
                throw InvalidRequestException.of(e.field(), e.getMessage());
            }
            throw e;
        }
    }
}
