package org.saferkent.partnership.dhr.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.saferkent.partnership.vocabulary.District;
import org.saferkent.partnership.vocabulary.KentDate;

/**
 * The Home Office statutory guidance's time limits: the decision within one month of the notification, the review
 * within six months of the decision, each recommendation by its due date. Each missed limit is reported once, by the
 * scan or when the late step is recorded.
 */
class DhrClocksTest {

    static final LocalDate NOTIFIED = LocalDate.parse("2026-03-10");
    static final List<String> AGENCIES = List.of("kent-police", "nhs-kent-medway");

    static DomesticHomicideReview notified() {
        return DomesticHomicideReview.notify("dhr-1", District.SWALE, NOTIFIED, AGENCIES, NOTIFIED, at(NOTIFIED)).review();
    }

    static Instant at(LocalDate date) {
        return date.atTime(10, 0).atZone(KentDate.KENT).toInstant();
    }

    @Test
    void theDecisionIsDueOneMonthAfterTheNotificationAndTheScanWaitsForThat() {
        // given
        DomesticHomicideReview review = notified();

        // then
        assertThat(review.decisionDueOn()).isEqualTo(LocalDate.parse("2026-04-10"));
        assertThat(review.nextDueAt()).isEqualTo(KentDate.endOf(LocalDate.parse("2026-04-10")));
        // when the last day of the month is not over yet
        assertThat(review.breachOverdue(at(LocalDate.parse("2026-04-10"))).changed()).isFalse();
    }

    @Test
    void anUndecidedReviewAfterOneMonthIsReportedMissedOnce() {
        // given
        DomesticHomicideReview review = notified();

        // when
        Change change = review.breachOverdue(at(LocalDate.parse("2026-04-11")));

        // then
        assertThat(change.events()).singleElement().isInstanceOfSatisfying(DhrDeadlineMissed.class, missed -> {
            assertThat(missed.clock()).isEqualTo(DhrClocks.DECISION);
            assertThat(missed.dueAt()).isEqualTo(KentDate.endOf(LocalDate.parse("2026-04-10")));
            assertThat(missed.recommendationId()).isNull();
        });
        assertThat(change.review().nextDueAt()).as("nothing else runs").isNull();
        assertThat(change.review().breachOverdue(at(LocalDate.parse("2026-05-01"))).changed()).as("reported once").isFalse();
    }

    @Test
    void aDecisionRecordedLateIsReportedMissedUnlessTheScanDidAlready() {
        // given a review whose decision came after the month
        DomesticHomicideReview review = notified();
        LocalDate late = LocalDate.parse("2026-04-20");

        // when
        Change decided = review.decide(true, null, late, late, at(late));

        // then
        assertThat(decided.events()).hasSize(2);
        assertThat(decided.events().get(0)).isInstanceOfSatisfying(DhrDecisionRecorded.class,
                d -> assertThat(d.withinTimeLimit()).isFalse());
        assertThat(decided.events().get(1)).isInstanceOfSatisfying(DhrDeadlineMissed.class,
                m -> assertThat(m.clock()).isEqualTo(DhrClocks.DECISION));

        // and when the scan reported it first, the decision does not report it again
        DomesticHomicideReview scanned = review.breachOverdue(at(LocalDate.parse("2026-04-11"))).review();
        assertThat(scanned.decide(true, null, late, late, at(late)).events()).singleElement().isInstanceOf(DhrDecisionRecorded.class);
    }

    @Test
    void theReviewIsDueSixMonthsAfterTheDecision() {
        // given
        LocalDate decidedOn = LocalDate.parse("2026-04-01");
        DomesticHomicideReview review = notified().decide(true, null, decidedOn, decidedOn, at(decidedOn)).review();

        // then
        assertThat(review.status()).isEqualTo(DhrStatus.UNDER_REVIEW);
        assertThat(review.reviewDueOn()).isEqualTo(LocalDate.parse("2026-10-01"));
        assertThat(review.nextDueAt()).isEqualTo(KentDate.endOf(LocalDate.parse("2026-10-01")));

        // when the six months pass without the review completed
        Change change = review.breachOverdue(at(LocalDate.parse("2026-10-02")));

        // then
        assertThat(change.events()).singleElement().isInstanceOfSatisfying(DhrDeadlineMissed.class,
                m -> assertThat(m.clock()).isEqualTo(DhrClocks.REVIEW));
    }

    @Test
    void aDecisionNotToHoldAReviewStopsEveryClock() {
        // when
        DomesticHomicideReview review = notified().decide(false, "criteria-not-met", LocalDate.parse("2026-03-20"),
                LocalDate.parse("2026-03-20"), at(LocalDate.parse("2026-03-20"))).review();

        // then
        assertThat(review.status()).isEqualTo(DhrStatus.NOT_HELD);
        assertThat(review.nextDueAt()).isNull();
        assertThat(review.breachOverdue(at(LocalDate.parse("2027-03-20"))).changed()).isFalse();
    }

    @Test
    void aRecommendationPastItsDueDateIsReportedMissedAndOneDoneInTimeIsNot() {
        // given a completed review with two recommendations
        LocalDate today = LocalDate.parse("2026-09-01");
        DomesticHomicideReview review = completed(today);
        review = review.recommend("rec-a", "Training on coercive control", "kent-police", LocalDate.parse("2026-12-31"), at(today)).review();
        review = review.recommend("rec-b", "Routine enquiry in A&E", "nhs-kent-medway", LocalDate.parse("2027-03-31"), at(today)).review();
        assertThat(review.nextDueAt()).isEqualTo(KentDate.endOf(LocalDate.parse("2026-12-31")));

        // when the first is done in time and the second is not
        LocalDate doneOn = LocalDate.parse("2026-12-01");
        review = review.updateRecommendation("rec-a", RecommendationStatus.DONE, doneOn, doneOn, at(doneOn)).review();
        Change scan = review.breachOverdue(at(LocalDate.parse("2027-04-01")));

        // then
        assertThat(scan.events()).singleElement().isInstanceOfSatisfying(DhrDeadlineMissed.class, m -> {
            assertThat(m.clock()).isEqualTo(DhrClocks.RECOMMENDATION);
            assertThat(m.recommendationId()).isEqualTo("rec-b");
        });
        assertThat(scan.review().nextDueAt()).isNull();
    }

    @Test
    void stepsCannotBeDatedInTheFutureOrBeforeTheStepTheyFollow() {
        DomesticHomicideReview review = notified();

        assertThatThrownBy(() -> review.decide(true, null, NOTIFIED.minusDays(1), NOTIFIED, at(NOTIFIED)))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.field()).isEqualTo("decidedOn"));
        assertThatThrownBy(() -> review.decide(true, null, NOTIFIED.plusDays(1), NOTIFIED, at(NOTIFIED)))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.field()).isEqualTo("decidedOn"));
        assertThatThrownBy(() -> DomesticHomicideReview.notify("dhr-2", District.DOVER, NOTIFIED.plusDays(1), AGENCIES, NOTIFIED,
                at(NOTIFIED))).isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.field()).isEqualTo("notifiedOn"));
    }

    @Test
    void dartfordAndGraveshamAreOneCommunitySafetyPartnership() {
        Change change = DomesticHomicideReview.notify("dhr-3", District.GRAVESHAM, NOTIFIED, AGENCIES, NOTIFIED, at(NOTIFIED));

        assertThat(change.events()).singleElement().isInstanceOfSatisfying(DhrNotified.class,
                n -> assertThat(n.csp()).isEqualTo("dartford-and-gravesham"));
    }

    static DomesticHomicideReview completed(LocalDate completedOn) {
        LocalDate decidedOn = LocalDate.parse("2026-04-01");
        DomesticHomicideReview review = notified().decide(true, null, decidedOn, decidedOn, at(decidedOn)).review();
        review = review.convenePanel("A. Chair", "independent", List.of("kent-police", "kcc-community-safety-unit"),
                decidedOn.plusDays(7), decidedOn.plusDays(7), at(decidedOn.plusDays(7))).review();
        return review.complete(completedOn, completedOn, at(completedOn)).review();
    }
}
