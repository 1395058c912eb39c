package org.saferkent.commissioning.performance.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.saferkent.commissioning.performance.application.FeedEntry;
import org.saferkent.commissioning.performance.domain.ContractPerformance;
import org.saferkent.commissioning.performance.domain.ContractTerms;
import org.saferkent.commissioning.performance.domain.DistrictFacts;
import org.saferkent.commissioning.performance.domain.PathwayScope;
import org.saferkent.commissioning.performance.domain.PerformanceSnapshot;
import org.saferkent.platform.workingdays.Quarter;

/**
 * Summing the MoJ return's rows never double counts a contract's value: over a full period the rows'
 * {@code value_pro_rated_gbp} add up to the contract's value, to the penny, with the value spread
 * across districts (equally, or by the contract's shares) and across quarters by days.
 */
class MojReturnTest {

    private static final PathwayScope SCOPE = new PathwayScope("restorative-justice", Set.of("youth-prevention"));
    private static final Set<String> DISTRICTS = Set.of("maidstone", "swale", "dover");

    @Test
    void summingTheRowsOfAFullPeriodGivesTheContractsValueToThePenny() {
        // 3 districts, 14 months from mid-February: quarters of unequal days, nothing divides evenly
        ContractTerms contract = new ContractTerms("c1", "Victim Support", "Kent Victim Care", Set.of("victim-support"), DISTRICTS,
                LocalDate.of(2026, 2, 14), LocalDate.of(2027, 4, 13), null, 1_234_567_891L, List.of());

        List<PerformanceSnapshot> cells = cells(contract);

        assertThat(cells).hasSize(3 * 6);
        assertThat(cells.stream().mapToLong(cell -> cell.counts().valueProRatedPence()).sum()).isEqualTo(1_234_567_891L);
        assertThat(sumOfRows(MojReturn.csv(entries(cells)))).isEqualTo(new BigDecimal("12345678.91"));
        assertThat(cells).extracting(cell -> cell.counts().valueProRatedPence())
                .as("no district's cell holds the quarter's whole value").allMatch(pence -> pence < 1_234_567_891L / 6);
    }

    @Test
    void equalSharesWhenTheContractNamesNoneAndItsSharesWhenItDoes() {
        ContractTerms equal = new ContractTerms("c1", "p", "s", Set.of("victim-support"), DISTRICTS, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31), null, 36_500_000, List.of());
        ContractTerms weighted = new ContractTerms("c2", "p", "s", Set.of("victim-support"), DISTRICTS, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31), null, 36_500_000, List.of(),
                Map.of("maidstone", new BigDecimal("50"), "swale", new BigDecimal("30"), "dover", new BigDecimal("20")));
        Quarter q3 = new Quarter(2026, 3);

        // July to September: 92 of 365 days, £92,000
        assertThat(value(equal, "maidstone", q3) + value(equal, "swale", q3) + value(equal, "dover", q3)).isEqualTo(9_200_000);
        assertThat(List.of(value(equal, "dover", q3), value(equal, "maidstone", q3), value(equal, "swale", q3)))
                .as("a third each; the two pennies left over go one each to the first districts by name")
                .containsExactly(3_066_667L, 3_066_667L, 3_066_666L);
        assertThat(List.of(value(weighted, "maidstone", q3), value(weighted, "swale", q3), value(weighted, "dover", q3)))
                .containsExactly(4_600_000L, 2_760_000L, 1_840_000L);
        assertThat(sumOfRows(MojReturn.csv(entries(cells(weighted))))).isEqualTo(new BigDecimal("365000.00"));
    }

    @Test
    void sharesMustCoverTheContractsDistrictsAndSumToOneOrAHundredPercent() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ContractTerms("c", "p", "s",
                Set.of("victim-support"), DISTRICTS, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), null, 100, List.of(),
                Map.of("maidstone", new BigDecimal("0.5"), "swale", new BigDecimal("0.4"), "dover", new BigDecimal("0.05"))));
        assertThatIllegalArgumentException().isThrownBy(() -> new ContractTerms("c", "p", "s",
                Set.of("victim-support"), DISTRICTS, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), null, 100, List.of(),
                Map.of("maidstone", new BigDecimal("0.5"), "swale", new BigDecimal("0.5"))));
    }

    private static long value(ContractTerms contract, String district, Quarter quarter) {
        return ContractPerformance.of(contract, district, quarter, DistrictFacts.none(), SCOPE).counts().valueProRatedPence();
    }

    private static List<PerformanceSnapshot> cells(ContractTerms contract) {
        List<PerformanceSnapshot> cells = new ArrayList<>();
        for (Quarter quarter : contract.quarters()) {
            for (String district : contract.districts()) {
                cells.add(ContractPerformance.of(contract, district, quarter, DistrictFacts.none(), SCOPE));
            }
        }
        return cells;
    }

    private static List<FeedEntry> entries(List<PerformanceSnapshot> cells) {
        List<FeedEntry> entries = new ArrayList<>();
        for (PerformanceSnapshot cell : cells) {
            entries.add(new FeedEntry(entries.size() + 1, cell.key(), cell.contractId(), cell.district(), cell.quarter(), false, cell));
        }
        return entries;
    }

    private static BigDecimal sumOfRows(String csv) {
        String[] lines = csv.split("\r\n");
        int column = List.of(lines[0].split(",")).indexOf("value_pro_rated_gbp");
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 1; i < lines.length; i++) {
            sum = sum.add(new BigDecimal(lines[i].split(",", -1)[column]));
        }
        return sum;
    }
}
