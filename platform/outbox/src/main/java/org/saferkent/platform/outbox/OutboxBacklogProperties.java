package org.saferkent.platform.outbox;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the relay's backlog (documents still holding unpublished events) is watched.
 *
 * @param threshold     backlog at or above which the relay reports it as high, once, on crossing; 0 turns the
 *                      report off (the backlog is still measured for metrics)
 * @param clearAt       backlog at or below which a high backlog is reported cleared; negative means half the
 *                      threshold (the gap keeps a backlog hovering at the threshold from flapping)
 * @param checkInterval how often the backlog is counted (one {@code countDocuments} per outbox collection)
 */
@Validated
@ConfigurationProperties("saferkent.outbox.backlog")
public record OutboxBacklogProperties(
        @DefaultValue("100") @PositiveOrZero long threshold,
        @DefaultValue("-1") long clearAt,
        @DefaultValue("10s") @NotNull @DurationMin(millis = 1) Duration checkInterval) {

    public long effectiveClearAt() {
        return clearAt >= 0 ? Math.min(clearAt, Math.max(0, threshold - 1)) : threshold / 2;
    }
}
