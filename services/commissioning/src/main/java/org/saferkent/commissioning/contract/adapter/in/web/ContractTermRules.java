package org.saferkent.commissioning.contract.adapter.in.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.saferkent.commissioning.contract.domain.Contract;
import org.saferkent.commissioning.contract.domain.ContractPeriod;
import org.saferkent.commissioning.contract.domain.TargetTerms;
import org.saferkent.commissioning.vocabulary.Measure;
import org.saferkent.platform.service.RequestProblems;
import org.saferkent.platform.service.IsoDate;

/**
 * A contract's terms' rules across fields and items, checked after each field's own constraints (on the request
 * records), and the terms they make once every rule holds.
 */
final class ContractTermRules {

    static final int MAX_NAME = 200;
    static final int MAX_REASON = 500;
    /** £1bn: far above any contract the PCC lets, well inside a long. */
    static final long MAX_PENCE = 100_000_000_000L;
    static final String PENCE = "must be a whole number of pence from 0 to " + MAX_PENCE;

    private ContractTermRules() {
    }

    /** Each code at most once. */
    static void distinct(RequestProblems problems, String field, List<String> codes) {
        if (codes == null) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            if (problems.isValid(field + "[" + i + "]") && !seen.add(codes.get(i))) {
                problems.add(field + "[" + i + "]", "is repeated");
            }
        }
    }

    /** The value in GBP or in pence: one of them, or neither when {@code required} is false. */
    static void value(RequestProblems problems, BigDecimal value, Long valuePence, boolean required) {
        if (value != null && valuePence != null && problems.isValid("valuePence")) {
            problems.add("valuePence", "give value (GBP) or valuePence, not both");
        } else if (value == null && valuePence == null && required) {
            problems.add("value", "is required: GBP (e.g. 125000.00), or valuePence as a whole number");
        }
    }

    /** The value in pence, once {@link #value} holds; null when neither is given. */
    static Long pence(BigDecimal value, Long valuePence) {
        if (valuePence != null) {
            return valuePence;
        }
        return value == null ? null : value.movePointRight(2).longValueExact();
    }

    /** The period's end is not before its start, and within {@link Contract#MAX_YEARS} of it. */
    static void period(RequestProblems problems, PeriodRequest period) {
        if (period == null || !problems.isValid("period.start") || !problems.isValid("period.end")) {
            return;
        }
        LocalDate start = IsoDate.Check.parse(period.start());
        LocalDate end = IsoDate.Check.parse(period.end());
        if (end.isBefore(start)) {
            problems.add("period.end", "must not be before period.start");
        } else if (end.isAfter(start.plusYears(Contract.MAX_YEARS))) {
            problems.add("period.end", "must be within " + Contract.MAX_YEARS + " years of period.start");
        }
    }

    /** Each measure at most once, its target and amber band within the measure's range. */
    static void targets(RequestProblems problems, List<TargetRequest> targets) {
        if (targets == null) {
            return;
        }
        Set<Measure> seen = new HashSet<>();
        for (int i = 0; i < targets.size(); i++) {
            String field = "targets[" + i + "]";
            TargetRequest target = targets.get(i);
            if (target == null || !problems.isValid(field + ".measure")) {
                continue;
            }
            Measure measure = Measure.parse(target.measure()).orElseThrow();
            if (!seen.add(measure)) {
                problems.add(field + ".measure", "is repeated");
                continue;
            }
            if (problems.isValid(field + ".target") && !measure.scale().contains(target.target())) {
                problems.add(field + ".target", "must be from " + measure.scale().min() + " to " + measure.scale().max()
                        + (measure.scale() == Measure.Scale.SHARE ? " (a share: 0.85 = 85%)" : ""));
            }
            if (problems.isValid(field + ".amberWithin")
                    && amber(target).compareTo(measure.scale().max().subtract(measure.scale().min())) > 0) {
                problems.add(field + ".amberWithin", "must be 0 or more, within the measure's range");
            }
        }
    }

    /** The targets' terms, once {@link #targets} holds; an empty or missing list is none. */
    static List<TargetTerms> targetTerms(List<TargetRequest> targets) {
        return targets == null ? List.of() : targets.stream()
                .map(target -> new TargetTerms(Measure.parse(target.measure()).orElseThrow().code(), target.target(), amber(target)))
                .toList();
    }

    private static BigDecimal amber(TargetRequest target) {
        return target.amberWithin() == null ? BigDecimal.ZERO : target.amberWithin();
    }
}
