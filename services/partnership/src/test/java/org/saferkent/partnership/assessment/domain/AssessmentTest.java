package org.saferkent.partnership.assessment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.saferkent.partnership.assessment.domain.Assessment.CategoryLine;
import org.saferkent.partnership.assessment.domain.Assessment.CountyBlock;
import org.saferkent.partnership.assessment.domain.Assessment.CspLine;
import org.saferkent.partnership.assessment.domain.Assessment.DistrictBlock;
import org.saferkent.partnership.vocabulary.District;
import org.saferkent.platform.disclosure.DisclosureControl;
import org.saferkent.platform.disclosure.DisclosureRule;

class AssessmentTest {

    static final String AUDIENCE = "strategic-assessment";
    static final DisclosureControl EXACT = new DisclosureControl(Map.of(AUDIENCE, DisclosureRule.EXACT));
    static final DisclosureControl UNDER_FIVE = new DisclosureControl(Map.of(AUDIENCE, DisclosureRule.SUPPRESS_UNDER_FIVE));

    @Test
    void yearOnYearIsTheChangeInPerCentToOneDecimal() {
        assertThat(YearOnYear.percent(110, 100)).isEqualTo(10.0);
        assertThat(YearOnYear.percent(2, 3)).isEqualTo(-33.3);
        assertThat(YearOnYear.percent(5, 0)).as("no percentage of nothing").isNull();
        assertThat(YearOnYear.percent(new Figure(null, true, "primary"), new Figure(40, null, null)))
                .as("a change from a suppressed figure would give it away").isNull();
        assertThat(YearOnYear.percent(new Figure(60, null, null), new Figure(40, null, null))).isEqualTo(50.0);
    }

    @Test
    void aDistrictsYearHasEachCategoryByMonthWithLastYearsTotalAndTheChange() {
        Counts counts = new Counts().add(District.THANET, 2025, 1, PoliceUkCategory.BURGLARY, 30)
                .add(District.THANET, 2025, 2, PoliceUkCategory.BURGLARY, 30)
                .add(District.THANET, 2024, 7, PoliceUkCategory.BURGLARY, 40)
                .add(District.DOVER, 2025, 1, PoliceUkCategory.BURGLARY, 99);

        DistrictBlock block = Assessment.district(counts, List.of(District.THANET), 2025, EXACT, AUDIENCE);

        CategoryLine burglary = line(block, "burglary");
        assertThat(burglary.months().get(0).value()).isEqualTo(30);
        assertThat(burglary.months().get(1).value()).isEqualTo(30);
        assertThat(burglary.total().value()).isEqualTo(60);
        assertThat(burglary.previous().value()).isEqualTo(40);
        assertThat(burglary.changePercent()).isEqualTo(50.0);
        assertThat(block.total().value()).isEqualTo(60);
        assertThat(line(block, "drugs").changePercent()).isNull();
    }

    @Test
    void aSmallCountIsPublishedAsSuppressedWithNoNumberAndCannotBeWorkedOutFromTheTotals() {
        Counts counts = new Counts().add(District.DOVER, 2025, 3, PoliceUkCategory.ROBBERY, 2)
                .add(District.DOVER, 2025, 3, PoliceUkCategory.BURGLARY, 20)
                .add(District.DOVER, 2025, 4, PoliceUkCategory.BURGLARY, 20);

        DistrictBlock block = Assessment.district(counts, List.of(District.DOVER), 2025, UNDER_FIVE, AUDIENCE);

        Figure robberyMarch = line(block, "robbery").months().get(2);
        assertThat(robberyMarch.value()).isNull();
        assertThat(robberyMarch.suppressed()).isTrue();
        assertThat(robberyMarch.reason()).isEqualTo("primary");
        // the robbery total (2) is suppressed too, and March's total cannot give the cell away by subtraction
        assertThat(line(block, "robbery").total().isSuppressed()).isTrue();
        assertThat(block.monthTotals().get(2).isSuppressed() || line(block, "burglary").months().get(2).isSuppressed()).isTrue();
    }

    @Test
    void theCountyRollsTwelveDistrictsUpIntoElevenCspsWithDartfordAndGraveshamAsOne() {
        Counts counts = new Counts().add(District.DARTFORD, 2025, 5, PoliceUkCategory.SHOPLIFTING, 12)
                .add(District.GRAVESHAM, 2025, 6, PoliceUkCategory.SHOPLIFTING, 8)
                .add(District.GRAVESHAM, 2024, 6, PoliceUkCategory.SHOPLIFTING, 16)
                .add(District.ASHFORD, 2025, 1, PoliceUkCategory.SHOPLIFTING, 10);

        CountyBlock county = Assessment.county(counts, 2025, EXACT, AUDIENCE);

        assertThat(county.csps()).hasSize(11);
        CspLine dartfordAndGravesham = county.csps().stream().filter(l -> l.csp().equals("dartford-and-gravesham"))
                .findFirst().orElseThrow();
        assertThat(dartfordAndGravesham.districts()).containsExactly("dartford", "gravesham");
        assertThat(dartfordAndGravesham.total().value()).isEqualTo(20);
        assertThat(dartfordAndGravesham.previous().value()).isEqualTo(16);
        assertThat(dartfordAndGravesham.changePercent()).isEqualTo(25.0);
        assertThat(county.categoryTotals().stream().filter(c -> c.category().equals("shoplifting")).findFirst().orElseThrow()
                .total().value()).isEqualTo(30);
        assertThat(county.total().value()).isEqualTo(30);
    }

    private static CategoryLine line(DistrictBlock block, String category) {
        return block.categories().stream().filter(l -> l.category().equals(category)).findFirst().orElseThrow();
    }
}
