package org.saferkent.commissioning.contract.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** A contract's life: registered, varied, ended, each step kept as history and announced by an event. */
class ContractTest {

    private static final Instant REGISTERED = Instant.parse("2026-03-02T10:00:00Z");
    private static final Instant LATER = Instant.parse("2026-06-01T09:30:00Z");
    private static final NewContract TERMS = new NewContract("Victim Support", "Kent Victim Care",
            List.of("victim-support", "domestic-abuse"), List.of("maidstone", "swale"),
            new ContractPeriod(LocalDate.of(2026, 4, 1), LocalDate.of(2029, 3, 31)), 125_000_000,
            List.of(new TargetTerms("cope-and-recover-share", new BigDecimal("0.80"), new BigDecimal("0.05"))));

    @Test
    void registeringAContractAnnouncesItsTerms() {
        ContractChange change = Contract.register("c1", TERMS, REGISTERED);

        assertThat(change.contract().status()).isEqualTo(Contract.ACTIVE);
        assertThat(change.contract().history()).singleElement()
                .satisfies(entry -> assertThat(entry.change()).isEqualTo("registered"));
        assertThat(change.contract().targets()).containsExactly(new ContractTarget("cope-and-recover-share", "0.8", "0.05"));
        assertThat(change.events()).singleElement().isEqualTo(new ContractRegistered("c1", "Victim Support", "Kent Victim Care",
                TERMS.pathways(), TERMS.districts(), TERMS.period(), new BigDecimal("1250000.00"), 125_000_000,
                List.of(new TargetTerms("cope-and-recover-share", new BigDecimal("0.8"), new BigDecimal("0.05"))), REGISTERED, null));
    }

    @Test
    void aVariationChangesOnlyWhatItNamesAndIsKeptAsHistory() {
        Contract contract = Contract.register("c1", TERMS, REGISTERED).contract();

        ContractChange change = contract.vary(new ContractVariation(130_000_000L, List.of("maidstone", "swale", "dover"),
                null, null, "uplift for Dover"), LATER);

        Contract varied = change.contract();
        assertThat(varied.valuePence()).isEqualTo(130_000_000);
        assertThat(varied.districts()).containsExactly("maidstone", "swale", "dover");
        assertThat(varied.periodEnd()).isEqualTo("2029-03-31");
        assertThat(varied.targets()).isEqualTo(contract.targets());
        assertThat(varied.history()).hasSize(2);
        assertThat(varied.history().get(1)).isEqualTo(new ContractHistoryEntry(2, "varied", LATER, "uplift for Dover", List.of(
                new TermChange("value", "1250000.00", "1300000.00"),
                new TermChange("districts", "maidstone,swale", "maidstone,swale,dover"))));
        assertThat(change.events()).singleElement().isEqualTo(new ContractVaried("c1", 1, new BigDecimal("1300000.00"),
                130_000_000L, List.of("maidstone", "swale", "dover"), null, null, "uplift for Dover", LATER, null));
    }

    @Test
    void districtSharesNameEachDistrictAndSumToOneOrAHundredAndFollowTheDistricts() {
        NewContract shared = new NewContract(TERMS.provider(), TERMS.service(), TERMS.pathways(), TERMS.districts(), TERMS.period(),
                TERMS.valuePence(), TERMS.targets(), Map.of("maidstone", new BigDecimal("70"), "swale", new BigDecimal("30")));
        Contract contract = Contract.register("c1", shared, REGISTERED).contract();

        assertThat(contract.districtShares()).containsOnly(Map.entry("maidstone", "70"), Map.entry("swale", "30"));
        for (Map<String, BigDecimal> bad : List.of(Map.of("maidstone", new BigDecimal("0.7")),
                Map.of("maidstone", new BigDecimal("0.7"), "swale", new BigDecimal("0.2")),
                Map.of("maidstone", new BigDecimal("110"), "swale", new BigDecimal("-10")),
                Map.of("maidstone", new BigDecimal("0.5"), "swale", new BigDecimal("0.25"), "dover", new BigDecimal("0.25")))) {
            NewContract terms = new NewContract(TERMS.provider(), TERMS.service(), TERMS.pathways(), TERMS.districts(), TERMS.period(),
                    TERMS.valuePence(), TERMS.targets(), bad);
            assertThatThrownBy(() -> Contract.register("c1", terms, REGISTERED)).as("%s", bad)
                    .isInstanceOfSatisfying(ContractRuleViolation.class, e -> assertThat(e.field()).isEqualTo("districtShares"));
        }
        assertThatThrownBy(() -> contract.vary(new ContractVariation(null, List.of("maidstone", "swale", "dover"), null, null, "wider"),
                LATER)).isInstanceOfSatisfying(ContractRuleViolation.class, e -> assertThat(e.field()).isEqualTo("districtShares"));
        ContractChange wider = contract.vary(new ContractVariation(null, List.of("maidstone", "swale", "dover"), null, null, "wider",
                Map.of("maidstone", new BigDecimal("0.5"), "swale", new BigDecimal("0.25"), "dover", new BigDecimal("0.25"))), LATER);
        assertThat(wider.contract().districtShares()).containsEntry("dover", "0.25");
        assertThat(((ContractVaried) wider.events().get(0)).districtShares()).containsEntry("dover", new BigDecimal("0.25"));
    }

    @Test
    void aVariationThatChangesNothingIsRefused() {
        Contract contract = Contract.register("c1", TERMS, REGISTERED).contract();

        assertThatThrownBy(() -> contract.vary(new ContractVariation(125_000_000L, List.of("swale", "maidstone"), null,
                List.of(new TargetTerms("cope-and-recover-share", new BigDecimal("0.8"), new BigDecimal("0.050"))), "none"), LATER))
                .isInstanceOfSatisfying(ContractRuleViolation.class, e -> assertThat(e.field()).isEqualTo("$"));
    }

    @Test
    void theEndCannotBeMovedBeforeTheStart() {
        Contract contract = Contract.register("c1", TERMS, REGISTERED).contract();

        assertThatThrownBy(() -> contract.vary(new ContractVariation(null, null, LocalDate.of(2026, 3, 31), null, "oops"), LATER))
                .isInstanceOfSatisfying(ContractRuleViolation.class, e -> assertThat(e.field()).isEqualTo("period.end"));
    }

    @Test
    void anEndedContractCanNeitherBeVariedNorEndedAgain() {
        Contract contract = Contract.register("c1", TERMS, REGISTERED).contract();

        ContractChange ended = contract.end(LocalDate.of(2027, 3, 31), "provider withdrew", LATER);

        assertThat(ended.contract().status()).isEqualTo(Contract.ENDED);
        assertThat(ended.contract().endedOnDate()).isEqualTo(LocalDate.of(2027, 3, 31));
        assertThat(ended.contract().history()).extracting(ContractHistoryEntry::change).containsExactly("registered", "ended");
        assertThat(ended.events()).containsExactly(new ContractEnded("c1", LocalDate.of(2027, 3, 31), "provider withdrew", LATER));
        assertThatThrownBy(() -> ended.contract().vary(new ContractVariation(1L, null, null, null, "x"), LATER))
                .isInstanceOf(ContractEndedException.class);
        assertThatThrownBy(() -> ended.contract().end(LocalDate.of(2027, 4, 1), "again", LATER))
                .isInstanceOf(ContractEndedException.class);
    }

    @Test
    void aContractEndsWithinItsPeriod() {
        Contract contract = Contract.register("c1", TERMS, REGISTERED).contract();

        assertThatThrownBy(() -> contract.end(LocalDate.of(2026, 3, 31), "before it began", LATER))
                .isInstanceOfSatisfying(ContractRuleViolation.class, e -> assertThat(e.field()).isEqualTo("endDate"));
        assertThatThrownBy(() -> contract.end(LocalDate.of(2029, 4, 1), "after it ran out", LATER))
                .isInstanceOfSatisfying(ContractRuleViolation.class, e -> assertThat(e.field()).isEqualTo("endDate"));
    }
}
