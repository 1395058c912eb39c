package org.saferkent.partnership.asbreview.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.saferkent.partnership.vocabulary.District;

/**
 * The community trigger's threshold (ASB, Crime and Policing Act 2014 s.104): by default three complaints about the
 * same problem in six months; a district's partnership may set a lower one, never a higher one. When an application
 * meets it, a case review is carried out.
 */
class AsbThresholdTest {

    static final LocalDate TODAY = LocalDate.parse("2026-06-15");
    static final Instant NOW = Instant.parse("2026-06-15T09:00:00Z");

    @Test
    void byDefaultThreeComplaintsMeetTheThresholdAndTwoDoNot() {
        // given
        AsbThresholds thresholds = AsbThresholds.statutoryDefault();

        // when
        AsbCaseReview three = AsbCaseReview.apply("asb-1", District.THANET, TODAY, 3, thresholds, TODAY, NOW).review();
        AsbCaseReview two = AsbCaseReview.apply("asb-2", District.THANET, TODAY, 2, thresholds, TODAY, NOW).review();

        // then
        assertThat(three.meetsThreshold()).isTrue();
        assertThat(three.threshold()).isEqualTo(3);
        assertThat(two.meetsThreshold()).isFalse();
    }

    @Test
    void aDistrictsLowerThresholdAppliesThereOnly() {
        // given Swale set two complaints
        AsbThresholds thresholds = new AsbThresholds(3, Map.of(District.SWALE, 2));

        // when
        AsbChange swale = AsbCaseReview.apply("asb-3", District.SWALE, TODAY, 2, thresholds, TODAY, NOW);
        AsbChange dover = AsbCaseReview.apply("asb-4", District.DOVER, TODAY, 2, thresholds, TODAY, NOW);

        // then
        assertThat(swale.review().meetsThreshold()).isTrue();
        assertThat(swale.events()).singleElement().isInstanceOfSatisfying(AsbCaseReviewApplied.class, applied -> {
            assertThat(applied.threshold()).isEqualTo(2);
            assertThat(applied.meetsThreshold()).isTrue();
        });
        assertThat(dover.review().meetsThreshold()).isFalse();
    }

    @Test
    void aThresholdAboveThreeOrADistrictsAboveTheCountysIsRefused() {
        assertThatThrownBy(() -> new AsbThresholds(4, Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AsbThresholds(2, Map.of(District.ASHFORD, 3))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ashford");
        assertThatThrownBy(() -> new AsbThresholds(3, Map.of(District.ASHFORD, 0))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anApplicationMeetingTheThresholdMustBeReviewed() {
        // given
        AsbCaseReview review = AsbCaseReview.apply("asb-5", District.MAIDSTONE, TODAY, 4, AsbThresholds.statutoryDefault(), TODAY,
                NOW).review();

        // when a decision not to review is recorded, then
        assertThatThrownBy(() -> review.decide(false, TODAY, TODAY, NOW)).isInstanceOfSatisfying(AsbRuleViolation.class, e -> {
            assertThat(e.field()).isEqualTo("reviewToBeHeld");
            assertThat(e.invalid()).isTrue();
        });
    }

    @Test
    void theReviewsRecommendationsArePublishedAsACountOnly() {
        // given
        AsbCaseReview review = AsbCaseReview.apply("asb-6", District.DOVER, TODAY, 1, AsbThresholds.statutoryDefault(), TODAY, NOW)
                .review().decide(true, TODAY, TODAY, NOW).review();

        // when
        AsbChange completed = review.complete(TODAY, List.of("Joint patrols in the park", "Mediation offered"), TODAY, NOW);

        // then
        assertThat(completed.review().recommendationCount()).isEqualTo(2);
        assertThat(completed.events()).singleElement().isInstanceOfSatisfying(AsbCaseReviewCompleted.class,
                c -> assertThat(c.recommendations()).isEqualTo(2));
        assertThat(completed.events().toString()).doesNotContain("patrols");
    }
}
