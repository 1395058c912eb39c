package org.saferkent.victims.victimcase.domain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What support achieved, per assessed need (improved, sustained, not improved), and whether the
 * victim was helped to cope and recover: the outcome the PCC reports.
 */
public record OutcomeRecord(Map<NeedCategory, NeedOutcome> needs, boolean copeAndRecover, Instant recordedAt) {

    public static final String COPE_AND_RECOVER = "cope-and-recover";
    public static final String NOT_IMPROVED = "not-improved";

    public OutcomeRecord {
        needs = needs == null ? Map.of() : Map.copyOf(needs);
    }

    /** The case's outcome in one word, as referrals and commissioning read it. */
    public String summary() {
        return copeAndRecover ? COPE_AND_RECOVER : NOT_IMPROVED;
    }

    public Map<String, String> byCode() {
        Map<String, String> codes = new LinkedHashMap<>();
        for (NeedCategory category : NeedCategory.values()) {
            if (needs.containsKey(category)) {
                codes.put(Codes.of(category), Codes.of(needs.get(category)));
            }
        }
        return codes;
    }
}
