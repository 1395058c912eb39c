package org.saferkent.commissioning.contract.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A service the PCC commissions: who provides it, what it covers, for how long, for how much and
 * against which targets. Variations and an early end change the terms and are kept as history.
 * Dates are kept as ISO text ({@code 2026-04-01}), decimals as written.
 *
 * @param status  {@code active} or {@code ended}
 * @param endedOn the last day when it ended early
 * @param districtShares each district's share of the value as written ({@link DistrictShares}); empty: equal shares
 */
public record Contract(String id, String provider, String service, List<String> pathways, List<String> districts,
        String periodStart, String periodEnd, long valuePence, List<ContractTarget> targets, String status,
        String endedOn, String endReason, Instant registeredAt, List<ContractHistoryEntry> history,
        Map<String, String> districtShares) {

    public static final String ACTIVE = "active";
    public static final String ENDED = "ended";
    /** Longer than any contract the PCC lets; keeps a contract's quarters to a readable number. */
    public static final int MAX_YEARS = 10;

    public Contract {
        pathways = List.copyOf(pathways);
        districts = List.copyOf(districts);
        targets = List.copyOf(targets);
        history = history == null ? List.of() : List.copyOf(history);
        districtShares = districtShares == null ? Map.of() : Map.copyOf(districtShares);
    }

    public static ContractChange register(String id, NewContract terms, Instant now) {
        ContractPeriod period = terms.period();
        if (period.end().isBefore(period.start())) {
            throw new ContractRuleViolation("period.end", "must not be before period.start");
        }
        List<ContractTarget> targets = terms.targets().stream().map(ContractTarget::of).toList();
        Map<String, String> shares = DistrictShares.check(terms.districtShares(), terms.districts());
        Contract contract = new Contract(id, terms.provider(), terms.service(), terms.pathways(), terms.districts(),
                period.start().toString(), period.end().toString(), terms.valuePence(), targets, ACTIVE, null, null, now,
                List.of(new ContractHistoryEntry(1, "registered", now, null, List.of())), shares);
        return new ContractChange(contract, List.of(new ContractRegistered(id, terms.provider(), terms.service(),
                terms.pathways(), terms.districts(), period, gbp(terms.valuePence()), terms.valuePence(),
                targets.stream().map(ContractTarget::terms).toList(), now, DistrictShares.decimals(shares))));
    }

    /**
     * Varies the terms named by {@code variation}.
     *
     * @throws ContractEndedException when the contract has ended
     * @throws ContractRuleViolation  when the new end is before the start, or nothing would change
     */
    public ContractChange vary(ContractVariation variation, Instant now) {
        requireActive();
        List<TermChange> changes = new ArrayList<>();
        Long newValue = null;
        if (variation.valuePence() != null && variation.valuePence() != valuePence) {
            newValue = variation.valuePence();
            changes.add(new TermChange("value", gbp(valuePence).toPlainString(), gbp(newValue).toPlainString()));
        }
        List<String> newDistricts = null;
        if (variation.districts() != null && !new HashSet<>(variation.districts()).equals(new HashSet<>(districts))) {
            newDistricts = List.copyOf(variation.districts());
            changes.add(new TermChange("districts", String.join(",", districts), String.join(",", newDistricts)));
        }
        Map<String, String> newShares = null;
        List<String> districtsAfter = newDistricts != null ? newDistricts : districts;
        if (variation.districtShares() != null) {
            Map<String, String> proposed = DistrictShares.check(variation.districtShares(), districtsAfter);
            if (!same(proposed, districtShares)) {
                newShares = proposed;
                changes.add(new TermChange(DistrictShares.FIELD, describe(districtShares), describe(proposed)));
            }
        } else if (newDistricts != null && !districtShares.isEmpty()) {
            throw new ContractRuleViolation(DistrictShares.FIELD, "must be given again when the districts of a contract with shares change");
        }
        LocalDate newEnd = null;
        if (variation.periodEnd() != null && !variation.periodEnd().toString().equals(periodEnd)) {
            if (variation.periodEnd().isBefore(start())) {
                throw new ContractRuleViolation("period.end", "must not be before the contract's start");
            }
            if (variation.periodEnd().isAfter(start().plusYears(MAX_YEARS))) {
                throw new ContractRuleViolation("period.end", "must be within " + MAX_YEARS + " years of the contract's start");
            }
            newEnd = variation.periodEnd();
            changes.add(new TermChange("period.end", periodEnd, newEnd.toString()));
        }
        List<ContractTarget> newTargets = null;
        if (variation.targets() != null) {
            List<ContractTarget> proposed = variation.targets().stream().map(ContractTarget::of).toList();
            if (!proposed.equals(targets)) {
                newTargets = proposed;
                changes.add(new TermChange("targets", describe(targets), describe(proposed)));
            }
        }
        if (changes.isEmpty()) {
            throw new ContractRuleViolation("$", "changes no term of the contract");
        }
        int number = (int) history.stream().filter(entry -> "varied".equals(entry.change())).count() + 1;
        List<ContractHistoryEntry> nextHistory = new ArrayList<>(history);
        nextHistory.add(new ContractHistoryEntry(history.size() + 1, "varied", now, variation.reason(), changes));
        Contract varied = new Contract(id, provider, service, pathways, newDistricts != null ? newDistricts : districts,
                periodStart, newEnd != null ? newEnd.toString() : periodEnd, newValue != null ? newValue : valuePence,
                newTargets != null ? newTargets : targets, status, endedOn, endReason, registeredAt, nextHistory,
                newShares != null ? newShares : districtShares);
        return new ContractChange(varied, List.of(new ContractVaried(id, number, newValue != null ? gbp(newValue) : null,
                newValue, newDistricts, newEnd, newTargets != null ? newTargets.stream().map(ContractTarget::terms).toList() : null,
                variation.reason(), now, newShares != null ? DistrictShares.decimals(newShares) : null)));
    }

    /**
     * Ends the contract early: {@code endDate} is its last day.
     *
     * @throws ContractEndedException when it has ended already
     * @throws ContractRuleViolation  when {@code endDate} is outside the contract's period
     */
    public ContractChange end(LocalDate endDate, String reason, Instant now) {
        requireActive();
        if (endDate.isBefore(start()) || endDate.isAfter(end())) {
            throw new ContractRuleViolation("endDate", "must be within the contract's period (" + periodStart + " to " + periodEnd + ")");
        }
        List<ContractHistoryEntry> nextHistory = new ArrayList<>(history);
        nextHistory.add(new ContractHistoryEntry(history.size() + 1, "ended", now, reason,
                List.of(new TermChange("endedOn", null, endDate.toString()))));
        Contract ended = new Contract(id, provider, service, pathways, districts, periodStart, periodEnd, valuePence,
                targets, ENDED, endDate.toString(), reason, registeredAt, nextHistory, districtShares);
        return new ContractChange(ended, List.of(new ContractEnded(id, endDate, reason, now)));
    }

    public LocalDate start() {
        return LocalDate.parse(periodStart);
    }

    public LocalDate end() {
        return LocalDate.parse(periodEnd);
    }

    public LocalDate endedOnDate() {
        return endedOn == null ? null : LocalDate.parse(endedOn);
    }

    public BigDecimal value() {
        return gbp(valuePence);
    }

    public static BigDecimal gbp(long pence) {
        return BigDecimal.valueOf(pence, 2);
    }

    private void requireActive() {
        if (ENDED.equals(status)) {
            throw new ContractEndedException(id);
        }
    }

    /** Equal shares compared as numbers (60 and 60.0 are the same share). */
    private static boolean same(Map<String, String> a, Map<String, String> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        return a.entrySet().stream().allMatch(e -> new BigDecimal(e.getValue()).compareTo(new BigDecimal(b.get(e.getKey()))) == 0);
    }

    private static String describe(Map<String, String> shares) {
        return shares.isEmpty() ? "equal" : new java.util.TreeMap<>(shares).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    }

    private static String describe(List<ContractTarget> targets) {
        return targets.stream().map(t -> t.measure() + "=" + t.target() + "±" + t.amberWithin()).collect(Collectors.joining(","));
    }
}
