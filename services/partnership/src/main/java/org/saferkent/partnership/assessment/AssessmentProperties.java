package org.saferkent.partnership.assessment;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The strategic assessment's settings ({@code saferkent.partnership.assessment.*}).
 *
 * @param referralsTopic where referrals are read from
 * @param audience       the disclosure audience its figures are published under ({@code saferkent.disclosure.audiences.*})
 * @param maxImportSize  the largest police.uk file an import takes (answered 413 beyond)
 * @param maxImportRows  the most rows an import takes (answered 413 beyond)
 */
@Validated
@ConfigurationProperties("saferkent.partnership.assessment")
public record AssessmentProperties(
        @DefaultValue("referrals.referral.events") @NotBlank String referralsTopic,
        @DefaultValue("strategic-assessment") @NotBlank String audience,
        @DefaultValue("20MB") @NotNull DataSize maxImportSize,
        @DefaultValue("200000") @Min(1) @Max(1_000_000) int maxImportRows) {
}
