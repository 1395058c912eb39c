package org.saferkent.platform.outbox;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param lease          how long a relay owns a document it claimed; another instance may take over after it
 * @param sweepInterval  how often the relay looks for documents whose events nobody is relaying (events
 *                       written by this instance are relayed at once, without waiting for a sweep)
 * @param batchSize      documents claimed per round
 * @param publishTimeout how long to wait for the broker's acks of one round
 * @param enabled        whether this instance runs a relay at all
 */
@Validated
@ConfigurationProperties("saferkent.outbox")
public record OutboxProperties(
        @DefaultValue("30s") @NotNull @DurationMin(millis = 1) Duration lease,
        @DefaultValue("2s") @NotNull @DurationMin(millis = 1) Duration sweepInterval,
        @DefaultValue("200") @Positive int batchSize,
        @DefaultValue("15s") @NotNull @DurationMin(millis = 1) Duration publishTimeout,
        @DefaultValue("true") boolean enabled) {
}
