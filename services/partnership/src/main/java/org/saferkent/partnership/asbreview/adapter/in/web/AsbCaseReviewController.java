package org.saferkent.partnership.asbreview.adapter.in.web;

import java.net.URI;
import java.util.List;
import java.util.function.Supplier;

import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;

import org.saferkent.partnership.asbreview.application.AsbCaseReviews;
import org.saferkent.partnership.asbreview.application.AsbReviewNotFoundException;
import org.saferkent.partnership.asbreview.domain.AsbCaseReview;
import org.saferkent.partnership.asbreview.domain.AsbFigures;
import org.saferkent.partnership.asbreview.domain.AsbRuleViolation;
import org.saferkent.partnership.vocabulary.District;
import org.saferkent.partnership.web.KentDistricts;
import org.saferkent.partnership.web.Year;
import org.saferkent.platform.service.InvalidRequestException;
import org.saferkent.platform.service.OneOf;
import org.saferkent.platform.service.OneOf.Blank;
import org.saferkent.platform.service.RequestProblems;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * ASB case reviews (the community trigger, Anti-social Behaviour, Crime and Policing Act 2014 s.104 and Schedule 4):
 * applications tested against the district's threshold, the decision, the review's recommendations, and the
 * figures the Act requires to be published (aggregates only).
 */
@RestController
@RequestMapping("/api/partnership/asb-reviews")
class AsbCaseReviewController {

    static final int MAX_RECOMMENDATIONS = 50;

    private final AsbCaseReviews reviews;
    private final Validator validator;

    AsbCaseReviewController(AsbCaseReviews reviews, Validator validator) {
        this.reviews = reviews;
        this.validator = validator;
    }

    /** The figures' query: a district and a calendar year (published from 2014). */
    record FiguresQuery(@NotBlank(message = "is required") @OneOf(value = KentDistricts.class, blank = Blank.ALLOWED) String district,
            @NotBlank(message = "is required") @Year(from = 2014) String year) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AsbReviewView> apply(@RequestBody(required = false) ApplicationRequest request) {
        ApplicationRequest body = RequestProblems.body(request);
        RequestProblems.of(validator, body).throwIfAny();
        District district = District.fromCode(body.district()).orElseThrow();
        AsbCaseReview review = ruled(() -> reviews.apply(district, body.receivedOn(), body.complaints()));
        return ResponseEntity.created(URI.create("/api/partnership/asb-reviews/" + review.id())).body(AsbReviewView.of(review));
    }

    /** The published figures of a district for a calendar year (applications received that year): counts only. */
    @GetMapping("/figures")
    AsbFigures figures(@RequestParam(required = false) String district, @RequestParam(required = false) String year) {
        RequestProblems.of(validator, new FiguresQuery(district, year)).throwIfAny();
        return reviews.figures(District.fromCode(district).orElseThrow(), Year.Check.parse(year));
    }

    @GetMapping("/{id}")
    AsbReviewView find(@PathVariable String id) {
        return AsbReviewView.of(reviews.find(id).orElseThrow(() -> new AsbReviewNotFoundException(id)));
    }

    @PostMapping(path = "/{id}/decision", consumes = MediaType.APPLICATION_JSON_VALUE)
    AsbReviewView decide(@PathVariable String id, @RequestBody(required = false) AsbDecisionRequest request) {
        AsbDecisionRequest body = RequestProblems.body(request);
        RequestProblems.of(validator, body).throwIfAny();
        return AsbReviewView.of(ruled(() -> reviews.perform(id,
                (review, today, now) -> review.decide(body.reviewToBeHeld(), body.decidedOn(), today, now))));
    }

    @PostMapping(path = "/{id}/outcome", consumes = MediaType.APPLICATION_JSON_VALUE)
    AsbReviewView outcome(@PathVariable String id, @RequestBody(required = false) OutcomeRequest request) {
        OutcomeRequest body = RequestProblems.body(request);
        RequestProblems.of(validator, body).throwIfAny();
        List<String> made = body.recommendations() == null ? List.of() : body.recommendations();
        List<String> trimmed = made.stream().map(String::trim).toList();
        return AsbReviewView.of(ruled(() -> reviews.perform(id,
                (review, today, now) -> review.complete(body.completedOn(), trimmed, today, now))));
    }

    private static <T> T ruled(Supplier<T> action) {
        try {
            return action.get();
        } catch (AsbRuleViolation e) {
            if (e.invalid()) {
                throw InvalidRequestException.of(e.field(), e.getMessage());
            }
            throw e;
        }
    }
}
