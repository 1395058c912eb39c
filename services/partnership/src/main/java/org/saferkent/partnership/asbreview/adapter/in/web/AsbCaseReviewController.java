package org.saferkent.partnership.asbreview.adapter.in.web;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

import org.saferkent.partnership.asbreview.application.AsbCaseReviews;
import org.saferkent.partnership.asbreview.application.AsbReviewNotFoundException;
import org.saferkent.partnership.asbreview.domain.AsbCaseReview;
import org.saferkent.partnership.asbreview.domain.AsbFigures;
import org.saferkent.partnership.asbreview.domain.AsbRuleViolation;
import org.saferkent.partnership.vocabulary.District;
import org.saferkent.partnership.vocabulary.KentDate;
import org.saferkent.partnership.web.FieldChecks;
import org.saferkent.platform.service.InvalidRequestException;
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
    private final Clock clock;

    AsbCaseReviewController(AsbCaseReviews reviews, Clock clock) {
        this.reviews = reviews;
        this.clock = clock;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AsbReviewView> apply(@RequestBody(required = false) ApplicationRequest request) {
        ApplicationRequest body = FieldChecks.body(request);
        FieldChecks checks = new FieldChecks();
        District district = checks.district("district", body.district());
        checks.pastDate("receivedOn", body.receivedOn(), today());
        if (checks.required("complaints", body.complaints()) && (body.complaints() < 0 || body.complaints() > 10_000)) {
            checks.add("complaints", "must be from 0 to 10000");
        }
        checks.throwIfAny();
        AsbCaseReview review = ruled(() -> reviews.apply(district, body.receivedOn(), body.complaints()));
        return ResponseEntity.created(URI.create("/api/partnership/asb-reviews/" + review.id())).body(AsbReviewView.of(review));
    }

    /** The published figures of a district for a calendar year (applications received that year): counts only. */
    @GetMapping("/figures")
    AsbFigures figures(@RequestParam(required = false) String district, @RequestParam(required = false) String year) {
        FieldChecks checks = new FieldChecks();
        District found = checks.district("district", district);
        Integer parsed = null;
        if (checks.required("year", year)) {
            try {
                parsed = Integer.parseInt(year.trim());
            } catch (NumberFormatException e) {
                // reported below
            }
            if (parsed == null || parsed < 2014 || parsed > 2100) {
                checks.add("year", "must be a year from 2014");
                parsed = null;
            }
        }
        checks.throwIfAny();
        return reviews.figures(found, parsed);
    }

    @GetMapping("/{id}")
    AsbReviewView find(@PathVariable String id) {
        return AsbReviewView.of(reviews.find(id).orElseThrow(() -> new AsbReviewNotFoundException(id)));
    }

    @PostMapping(path = "/{id}/decision", consumes = MediaType.APPLICATION_JSON_VALUE)
    AsbReviewView decide(@PathVariable String id, @RequestBody(required = false) AsbDecisionRequest request) {
        AsbDecisionRequest body = FieldChecks.body(request);
        FieldChecks checks = new FieldChecks();
        checks.required("reviewToBeHeld", body.reviewToBeHeld());
        checks.pastDate("decidedOn", body.decidedOn(), today());
        checks.throwIfAny();
        return AsbReviewView.of(ruled(() -> reviews.perform(id,
                (review, today, now) -> review.decide(body.reviewToBeHeld(), body.decidedOn(), today, now))));
    }

    @PostMapping(path = "/{id}/outcome", consumes = MediaType.APPLICATION_JSON_VALUE)
    AsbReviewView outcome(@PathVariable String id, @RequestBody(required = false) OutcomeRequest request) {
        OutcomeRequest body = FieldChecks.body(request);
        FieldChecks checks = new FieldChecks();
        checks.pastDate("completedOn", body.completedOn(), today());
        List<String> made = body.recommendations() == null ? List.of() : body.recommendations();
        if (made.size() > MAX_RECOMMENDATIONS) {
            checks.add("recommendations", "must be at most " + MAX_RECOMMENDATIONS);
        } else {
            for (int i = 0; i < made.size(); i++) {
                checks.text("recommendations[" + i + "]", made.get(i), FieldChecks.MAX_TEXT);
            }
        }
        checks.throwIfAny();
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

    private LocalDate today() {
        return KentDate.today(clock);
    }
}
