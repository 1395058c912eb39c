package org.saferkent.simulator;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @Test
    void theLineSaysHowFarHowFastWhatFailedAndHowLongIsLeft() {
        Progress progress = new Progress("Posting", 20_000, new PrintStream(printed, true, StandardCharsets.UTF_8), false, now::get, null);
        for (int i = 0; i < 1_000; i++) {
            progress.done(i < 12 ? "timed out" : i < 15 ? "HTTP 503" : null);
        }
        now.addAndGet(20_000_000_000L); // 20 s: 50 a second, 19,000 to go

        assertThat(progress.line()).isEqualTo("Posting: 1,000 / 20,000 (5.0%) · 50.0/s · errors: 12 timed out, 3 HTTP 503 · about 6 min left");
    }

    @Test
    void offATerminalEachPrintIsAPlainLineAndTheLastSaysHowLongItTook() {
        Progress progress = new Progress("Posting", 2, new PrintStream(printed, true, StandardCharsets.UTF_8), false, now::get, null);
        progress.done(null);
        progress.done(null);
        now.addAndGet(4_000_000_000L);
        progress.close();

        assertThat(printed.toString(StandardCharsets.UTF_8)).isEqualTo("Posting: 2 / 2 (100.0%) · 0.5/s · done in 4 s" + System.lineSeparator());
    }

    @Test
    void onATerminalTheLineIsRedrawnInPlace() {
        Progress progress = new Progress("Rebuild", 0, new PrintStream(printed, true, StandardCharsets.UTF_8), true, now::get, null);
        progress.done(null);
        now.addAndGet(1_000_000_000L);
        progress.close();

        assertThat(printed.toString(StandardCharsets.UTF_8)).startsWith("\rRebuild: 1 · 1.0/s").endsWith(System.lineSeparator());
    }

    @Test
    void timesAreInUnitsAPersonReads() {
        assertThat(Progress.human(0.2)).isEqualTo("1 s");
        assertThat(Progress.human(59)).isEqualTo("59 s");
        assertThat(Progress.human(380)).isEqualTo("6 min");
        assertThat(Progress.human(9_000)).isEqualTo("2.5 h");
    }

    @Test
    void failuresAreCountedByKind() {
        SimulatedReferral referral = null;
        assertThat(IntakeRun.errorKind(new IntakeRun.Posted(referral, 201, "r1", "created", 0, 1))).isNull();
        assertThat(IntakeRun.errorKind(new IntakeRun.Posted(referral, 200, "r1", "replayed", 0, 1))).isNull();
        assertThat(IntakeRun.errorKind(new IntakeRun.Posted(referral, 503, null, "failed", 0, 1))).isEqualTo("HTTP 503");
        assertThat(IntakeRun.errorKind(new IntakeRun.Posted(referral, -1, null, "failed: request timed out", 0, 1))).isEqualTo("timed out");
        assertThat(IntakeRun.errorKind(new IntakeRun.Posted(referral, -1, null, "failed: null", 0, 1))).isEqualTo("no connection");
    }
}
