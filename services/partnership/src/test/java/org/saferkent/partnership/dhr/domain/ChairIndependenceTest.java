package org.saferkent.partnership.dhr.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.saferkent.partnership.dhr.domain.DhrClocksTest.at;
import static org.saferkent.partnership.dhr.domain.DhrClocksTest.notified;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The review's chair is independent of every agency involved in the case (the statutory guidance). */
class ChairIndependenceTest {

    static final LocalDate DECIDED = LocalDate.parse("2026-03-25");

    static DomesticHomicideReview underReview() {
        return notified().decide(true, null, DECIDED, DECIDED, at(DECIDED)).review();
    }

    @Test
    void aChairFromAnAgencyInvolvedIsRefusedNamingTheChairsAgency() {
        // given a review of a case Kent Police was involved in
        DomesticHomicideReview review = underReview();
        assertThat(review.agenciesInvolved()).contains("kent-police");

        // when a chair from Kent Police is proposed, then
        assertThatThrownBy(() -> review.convenePanel("A. Officer", "kent-police", List.of("kent-police"), DECIDED, DECIDED,
                at(DECIDED))).isInstanceOfSatisfying(RuleViolation.class, e -> {
                    assertThat(e.field()).isEqualTo("chair.agency");
                    assertThat(e.rule()).isEqualTo("chair-not-independent");
                    assertThat(e.invalid()).as("answered 422").isTrue();
                });
    }

    @Test
    void anIndependentChairOrOneFromAnUninvolvedAgencyIsAccepted() {
        // given
        DomesticHomicideReview review = underReview();

        // when
        Change independent = review.convenePanel("A. Chair", "independent", List.of("kent-police"), DECIDED, DECIDED, at(DECIDED));
        Change uninvolved = review.convenePanel("B. Chair", "kent-fire-rescue", List.of("kent-police"), DECIDED, DECIDED, at(DECIDED));

        // then
        assertThat(independent.events()).singleElement().isInstanceOfSatisfying(DhrPanelConvened.class,
                p -> assertThat(p.chairAgency()).isEqualTo("independent"));
        assertThat(uninvolved.review().panel().chairAgency()).isEqualTo("kent-fire-rescue");
    }

    @Test
    void theChairsNameIsKeptButNeverPublished() {
        Change change = underReview().convenePanel("A. Chair", "independent", List.of("kent-police"), DECIDED, DECIDED, at(DECIDED));

        assertThat(change.review().panel().chairName()).isEqualTo("A. Chair");
        assertThat(change.events().toString()).doesNotContain("A. Chair");
    }

    @Test
    void aPanelIsOnlyConvenedForAReviewUnderWay() {
        assertThatThrownBy(() -> notified().convenePanel("A. Chair", "independent", List.of("kent-police"), DECIDED, DECIDED,
                at(DECIDED))).isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.invalid()).as("answered 409").isFalse());
    }
}
