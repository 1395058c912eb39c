package org.saferkent.commissioning.performance.application;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * How far a rebuild's read of the topics is, as a log line at most every {@code every}: a rebuild of a
 * million events takes minutes, and an operator (or the benchmark, which echoes these lines) should see it
 * move, e.g. {@code Rebuild v3: reading the topics: 412,000 / 1,000,000 events (41.2%) · 8,240/s · about 71 s left}.
 * Counts only: no event's content.
 */
final class RebuildProgress {

    private final String stage;
    private final long total;
    private final LongSupplier nanos;
    private final long everyNanos;
    private final long started;
    private long lastLogged;

    /** @param total events to read, 0 when not known */
    RebuildProgress(String stage, long total, LongSupplier nanos, Duration every) {
        this.stage = stage;
        this.total = total;
        this.nanos = nanos;
        this.everyNanos = every.toNanos();
        this.started = nanos.getAsLong();
        this.lastLogged = started;
    }

    /** The line to log now that {@code read} events are read, if {@code every} has passed since the last one. */
    Optional<String> due(long read) {
        long now = nanos.getAsLong();
        if (now - lastLogged < everyNanos) {
            return Optional.empty();
        }
        lastLogged = now;
        return Optional.of(line(read, now));
    }

    String line(long read, long now) {
        double seconds = Math.max(1e-9, (now - started) / 1e9);
        double rate = read / seconds;
        StringBuilder line = new StringBuilder(stage).append(": ").append(String.format(Locale.UK, "%,d", read));
        if (total > 0) {
            line.append(String.format(Locale.UK, " / %,d events (%.1f%%)", total, 100.0 * Math.min(read, total) / total));
        } else {
            line.append(" events");
        }
        line.append(String.format(Locale.UK, " · %,.0f/s", rate));
        if (total > 0 && read < total && rate > 0) {
            line.append(" · about ").append(human((total - read) / rate)).append(" left");
        }
        return line.toString();
    }

    static String human(double seconds) {
        if (seconds < 60) {
            return Math.max(1, Math.round(seconds)) + " s";
        }
        if (seconds < 3600) {
            return Math.round(seconds / 60) + " min";
        }
        return String.format(Locale.UK, "%.1f h", seconds / 3600);
    }
}
