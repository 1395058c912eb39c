package org.saferkent.platform.disclosure.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;

import org.saferkent.platform.disclosure.Audiences;
import org.saferkent.platform.disclosure.DisclosureRule;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code saferkent.disclosure.*}: the disclosure rule per audience. The built-in audiences
 * ({@link Audiences#DEFAULTS}) keep their default rule for every setting left out; a new audience starts
 * from counts 1 to 4 suppressed with secondary suppression, unrounded. For example
 * {@code saferkent.disclosure.audiences.public.rounding-base=10}.
 *
 * @param audiences the rule per audience name ({@code police-crime-panel}, {@code pcc-office}, {@code public},
 *                  {@code moj-return}, or a new one)
 */
@Validated
@ConfigurationProperties("saferkent.disclosure")
public record DisclosureProperties(@DefaultValue Map<String, @Valid Rule> audiences) {

    /**
     * One audience's settings; each one left out keeps the audience's default.
     *
     * @param minimumPublishable the smallest non-zero count published: 5 suppresses 1 to 4; 0 or 1 suppresses nothing
     * @param suppressZero       whether a 0 is suppressed too
     * @param roundingBase       published figures rounded to the nearest multiple of this; 1 = exact
     * @param secondary          whether figures are also suppressed so that a suppressed count cannot be worked
     *                           out from the totals
     */
    public record Rule(@Min(0) Integer minimumPublishable, Boolean suppressZero, @Min(1) Integer roundingBase,
            Boolean secondary) {

        DisclosureRule over(DisclosureRule defaults) {
            return new DisclosureRule(
                    minimumPublishable != null ? minimumPublishable : defaults.minimumPublishable(),
                    suppressZero != null ? suppressZero : defaults.suppressZero(),
                    roundingBase != null ? roundingBase : defaults.roundingBase(),
                    secondary != null ? secondary : defaults.secondary());
        }
    }

    /** The built-in audiences' rules with the configured settings over them, and any new audiences. */
    public Map<String, DisclosureRule> rules() {
        var rules = new LinkedHashMap<>(Audiences.DEFAULTS);
        audiences.forEach((audience, rule) -> {
            try {
                rules.put(audience, rule.over(Audiences.DEFAULTS.getOrDefault(audience, DisclosureRule.SUPPRESS_UNDER_FIVE)));
            } catch (IllegalArgumentException e) {
                // where no Bean Validation provider enforces the bounds above
                throw new IllegalStateException("saferkent.disclosure.audiences." + audience + ": " + e.getMessage(), e);
            }
        });
        return rules;
    }
}
