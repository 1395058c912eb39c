package org.saferkent.commissioning.contract.adapter.in.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.saferkent.commissioning.contract.domain.Contract;
import org.saferkent.commissioning.contract.domain.ContractHistoryEntry;
import org.saferkent.commissioning.contract.domain.DistrictShares;
import org.saferkent.platform.outbox.Loaded;

/** A contract as the PCC's office reads it, with its history. */
record ContractView(String id, String provider, String service, List<String> pathways, List<String> districts,
        Period period, BigDecimal value, long valuePence, List<TargetView> targets, String status, LocalDate endedOn,
        String endReason, Instant registeredAt, long version, List<ContractHistoryEntry> history,
        Map<String, BigDecimal> districtShares) {

    record Period(LocalDate start, LocalDate end) {
    }

    record TargetView(String measure, BigDecimal target, BigDecimal amberWithin) {
    }

    static ContractView of(Loaded<Contract> loaded) {
        Contract c = loaded.state();
        return new ContractView(c.id(), c.provider(), c.service(), c.pathways(), c.districts(),
                new Period(c.start(), c.end()), c.value(), c.valuePence(),
                c.targets().stream().map(t -> new TargetView(t.measure(), new BigDecimal(t.target()), new BigDecimal(t.amberWithin()))).toList(),
                c.status(), c.endedOnDate(), c.endReason(), c.registeredAt(), loaded.version(), c.history(),
                DistrictShares.decimals(c.districtShares()));
    }
}
