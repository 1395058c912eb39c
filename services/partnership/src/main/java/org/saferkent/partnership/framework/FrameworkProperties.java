package org.saferkent.partnership.framework;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.saferkent.partnership.framework.domain.Measure;
import org.saferkent.partnership.framework.domain.Target;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The performance framework's settings ({@code saferkent.partnership.framework.*}), checked at start-up: a bad one
 * stops it, named.
 *
 * @param referralsTopic where referrals' events are read from (repeat domestic abuse)
 * @param victimsTopic   where victims' case events are read from (contacts within the Code)
 * @param rjTopic        where restorative justice's case events are read from (completion, satisfaction)
 * @param disposalTopic  where RJ's youth justice disposals are read from (first-time entrants)
 * @param targets        targets by measure code ({@code targets.<code>}): a measure without one keeps its default; a code
 *                       that is not a measure stops the start
 */
@Validated
@ConfigurationProperties("saferkent.partnership.framework")
public record FrameworkProperties(
        @DefaultValue("referrals.referral.events") @NotBlank String referralsTopic,
        @DefaultValue("victims.case.events") @NotBlank String victimsTopic,
        @DefaultValue("rj.case.events") @NotBlank String rjTopic,
        @DefaultValue("rj.disposal.events") @NotBlank String disposalTopic,
        Map<String, @NotNull @Valid TargetSetting> targets) {

    static final Map<Measure, Target> DEFAULTS = Map.of(
            Measure.VICTIMS_CONTACTED_WITHIN_CODE, new Target(90, true, 5),
            Measure.REPEAT_DOMESTIC_ABUSE_REFERRALS, new Target(28, false, 5),
            Measure.RJ_COMPLETION, new Target(70, true, 10),
            Measure.ASB_CASE_REVIEWS, new Target(100, true, 10),
            // first-time entrants: no more than the period before (100%), amber up to 5% more
            Measure.FIRST_TIME_ENTRANTS, new Target(100, false, 5),
            // the national benchmark: 85% of victims satisfied
            Measure.RJ_SATISFACTION, new Target(85, true, 5));

    public FrameworkProperties {
        if (targets != null) {
            for (String code : targets.keySet()) {
                if (Measure.fromCode(code).isEmpty()) {
                    throw new IllegalArgumentException("saferkent.partnership.framework.targets." + code
                            + " is not one of the framework's measures (" + Arrays.stream(Measure.values()).map(Measure::code)
                                    .collect(Collectors.joining(", ")) + ")");
                }
            }
        }
    }

    /**
     * A measure's target as set: each part left out keeps the measure's default.
     *
     * @param percent        the target, a percentage
     * @param higherIsBetter whether a value above the target meets it (false for measures to keep down)
     * @param amberMargin    how many percentage points short of the target is still amber
     */
    public record TargetSetting(
            @DecimalMin(value = "0", message = "must be a percentage, from 0 to 100")
            @DecimalMax(value = "100", message = "must be a percentage, from 0 to 100") Double percent,
            Boolean higherIsBetter,
            @DecimalMin(value = "0", message = "must be percentage points, from 0 to 100")
            @DecimalMax(value = "100", message = "must be percentage points, from 0 to 100") Double amberMargin) {
    }

    /** Every measure's target: as set, else its default. */
    public Map<Measure, Target> resolved() {
        Map<Measure, Target> resolved = new EnumMap<>(DEFAULTS);
        (targets == null ? Map.<String, TargetSetting>of() : targets).forEach((code, setting) -> {
            Measure measure = Measure.fromCode(code).orElseThrow();
            Target given = DEFAULTS.get(measure);
            resolved.put(measure, new Target(setting.percent() == null ? given.percent() : setting.percent(),
                    setting.higherIsBetter() == null ? given.higherIsBetter() : setting.higherIsBetter(),
                    setting.amberMargin() == null ? given.amberMargin() : setting.amberMargin()));
        });
        return resolved;
    }
}
