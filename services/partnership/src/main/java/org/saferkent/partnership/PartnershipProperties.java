package org.saferkent.partnership;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMin;
import org.saferkent.partnership.asbreview.domain.AsbThresholds;
import org.saferkent.partnership.vocabulary.District;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What the partnership's rules leave to configuration.
 *
 * @param dhrTopic       where Domestic Homicide Review events are published
 * @param asbReviewTopic where ASB case review events are published
 * @param dhr            the DHR deadline scan
 * @param asbCaseReview  the ASB case review threshold
 */
@Validated
@ConfigurationProperties("saferkent.partnership")
public record PartnershipProperties(
        @DefaultValue("partnership.dhr.events") @NotBlank String dhrTopic,
        @DefaultValue("partnership.asb-review.events") @NotBlank String asbReviewTopic,
        @DefaultValue @Valid Dhr dhr,
        @DefaultValue @Valid AsbCaseReview asbCaseReview) {

    /** @param scanInterval how often missed time limits are looked for */
    public record Dhr(@DefaultValue("1m") @NotNull @DurationMin(millis = 1) Duration scanInterval) {
    }

    /**
     * @param threshold          complaints about the same problem in six months that meet the threshold (at most 3)
     * @param districtThresholds a lower threshold for a district, by district code (each from 1 to {@code threshold})
     */
    public record AsbCaseReview(@DefaultValue("3") @Min(1) @Max(AsbThresholds.DEFAULT) int threshold,
            Map<String, @NotNull @Min(1) @Max(AsbThresholds.DEFAULT) Integer> districtThresholds) {

        /** The thresholds; a district code that is not Kent's, or a district threshold above the county's, stops the start. */
        public AsbThresholds thresholds() {
            Map<District, Integer> lower = new EnumMap<>(District.class);
            (districtThresholds == null ? Map.<String, Integer>of() : districtThresholds).forEach((code, value) -> lower.put(
                    District.fromCode(code).orElseThrow(() -> new IllegalStateException(
                            "saferkent.partnership.asb-case-review.district-thresholds." + code + " is not one of Kent's districts")),
                    value));
            return new AsbThresholds(threshold, lower);
        }
    }
}
