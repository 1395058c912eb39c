package org.saferkent.partnership.agreement;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The Community Safety Agreement's settings ({@code saferkent.partnership.agreement.*}), checked at start-up.
 *
 * @param topic        where the agreement's and its action plan's events are published
 * @param scanInterval how often overdue actions are looked for
 */
@Validated
@ConfigurationProperties("saferkent.partnership.agreement")
public record AgreementProperties(
        @DefaultValue("partnership.agreement.events") @NotBlank String topic,
        @DefaultValue("1m") @NotNull @DurationMin(millis = 1) Duration scanInterval) {
}
