package org.saferkent.partnership.framework;

import java.util.EnumMap;
import java.util.Map;

import org.saferkent.partnership.framework.domain.Measure;
import org.saferkent.partnership.framework.domain.Target;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The performance framework's targets, by measure code ({@code saferkent.partnership.framework.targets.<code>}): a
 * percentage, whether higher is better, and the amber margin in percentage points. A code that is not a measure stops
 * the start; a measure without one keeps its default.
 */
@ConfigurationProperties("saferkent.partnership.framework")
public record FrameworkProperties(Map<String, Target> targets) {

    static final Map<Measure, Target> DEFAULTS = Map.of(
            Measure.VICTIMS_CONTACTED_WITHIN_CODE, new Target(90, true, 5),
            Measure.REPEAT_DOMESTIC_ABUSE_REFERRALS, new Target(28, false, 5),
            Measure.RJ_COMPLETION, new Target(70, true, 10),
            Measure.ASB_CASE_REVIEWS, new Target(100, true, 10),
            // first-time entrants: no more than the period before (100%), amber up to 5% more
            Measure.FIRST_TIME_ENTRANTS, new Target(100, false, 5),
            // the national benchmark: 85% of victims satisfied
            Measure.RJ_SATISFACTION, new Target(85, true, 5));

    public Map<Measure, Target> resolved() {
        Map<Measure, Target> resolved = new EnumMap<>(DEFAULTS);
        (targets == null ? Map.<String, Target>of() : targets).forEach((code, target) -> resolved.put(Measure.fromCode(code)
                .orElseThrow(() -> new IllegalStateException("saferkent.partnership.framework.targets." + code
                        + " is not one of the framework's measures")), target));
        return resolved;
    }
}
