package org.saferkent.victims.victimcase.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A victim's needs in the eight categories of the MoJ commissioning framework, each rated none to
 * high. A later assessment (circumstances changed) is a re-assessment; the earlier ones are kept.
 */
public record NeedsAssessment(Instant assessedAt, boolean reassessment, Map<NeedCategory, NeedLevel> levels) {

    public NeedsAssessment {
        levels = levels == null ? Map.of() : Map.copyOf(levels);
    }

    /** The categories rated above none: what outcomes are later recorded for. */
    public List<NeedCategory> needs() {
        return Arrays.stream(NeedCategory.values())
                .filter(category -> levels.getOrDefault(category, NeedLevel.NONE) != NeedLevel.NONE).toList();
    }

    /** Every category must be rated, none included: one problem per category left out. */
    public static List<RuleViolation.Problem> missingCategories(Map<NeedCategory, NeedLevel> levels) {
        List<RuleViolation.Problem> problems = new ArrayList<>();
        for (NeedCategory category : NeedCategory.values()) {
            if (levels == null || levels.get(category) == null) {
                problems.add(new RuleViolation.Problem("needs." + Codes.of(category),
                        "is required: rate every category of need (" + Codes.listOf(NeedLevel.class) + ")"));
            }
        }
        return problems;
    }

    /** The levels by code, in the framework's order: what events and views show. */
    public Map<String, String> byCode() {
        Map<String, String> codes = new LinkedHashMap<>();
        for (NeedCategory category : NeedCategory.values()) {
            if (levels.containsKey(category)) {
                codes.put(Codes.of(category), Codes.of(levels.get(category)));
            }
        }
        return codes;
    }
}
