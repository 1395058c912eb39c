package org.saferkent.simulator;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class ProgressTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @Test
    void theLineSaysHowFarHowFastWhatFailedAndHowLongIsLeft() {
        Progress progress = new Progress("Posting", 20_000, new PrintStream(printed, true, StandardCharsets.UTF_8), false, now::get, null);
        for (int i = 0; i < 1_000; i++) {
            progress.done(i < 12 ? "timed out" : i < 15 ? "HTTP 5xx" : null);
        }
        now.addAndGet(20_000_000_000L); // 20 s: 50 a second, 19,000 to go

        assertThat(progress.line()).isEqualTo("Posting: 1,000 / 20,000 (5.0%) · 50.0/s · errors: 12 timed out, 3 HTTP 5xx · about 6 min left");
    }

    @Test
    void withoutATotalTheLineSaysHowLongItHasRun() {
        Progress progress = new Progress("  intake", 0, new PrintStream(printed, true, StandardCharsets.UTF_8), false, now::get, null);
        for (int i = 0; i < 300; i++) {
            progress.done(null);
        }
        now.addAndGet(120_000_000_000L);

        assertThat(progress.line()).isEqualTo("  intake: 300 · 2.5/s · 2 min so far");
    }

    @Test
    void errorsAreCountedByKindAndOnlyTheFirstFewOfEachAreShownAtTheEnd() {
        Progress progress = new Progress("Posting", 10_000, new PrintStream(printed, true, StandardCharsets.UTF_8), false, now::get, null);
        for (int i = 0; i < 7_426; i++) {
            int n = i;
            progress.done(Progress.TIMED_OUT, () -> "referral " + n + ": timed out");
        }
        progress.done("HTTP 404", () -> "referral 9000: HTTP 404 failed");
        for (int i = 0; i < 2_573; i++) {
            progress.done(null);
        }
        now.addAndGet(100_000_000_000L);
        progress.close();

        assertThat(progress.errors()).containsExactly(entry("timed out", 7_426L), entry("HTTP 404", 1L));
        assertThat(printed.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly(
                "Posting: 10,000 / 10,000 (100.0%) · 100.0/s · errors: 7,426 timed out, 1 HTTP 404 · done in 2 min",
                "  timed out (7,426), first 3:",
                "    referral 0: timed out",
                "    referral 1: timed out",
                "    referral 2: timed out",
                "  HTTP 404 (1), first one:",
                "    referral 9000: HTTP 404 failed");
    }

    @Test
    void clientErrorsKeepTheirStatusServerErrorsAreOneKind() {
        assertThat(Progress.httpKind(201)).isNull();
        assertThat(Progress.httpKind(400)).isEqualTo("HTTP 400");
        assertThat(Progress.httpKind(429)).isEqualTo("HTTP 429");
        assertThat(Progress.httpKind(500)).isEqualTo("HTTP 5xx");
        assertThat(Progress.httpKind(503)).isEqualTo("HTTP 5xx");
    }

    @Test
    void requestsWithoutAnAnswerAreKindedByTheirCause() {
        assertThat(Progress.failureKind(new IllegalStateException("http://x: request timed out",
                new java.net.http.HttpTimeoutException("request timed out")))).isEqualTo("timed out");
        assertThat(Progress.failureKind(new IllegalStateException("http://x: null", new java.net.ConnectException()))).isEqualTo("connection refused");
        assertThat(Progress.failureKind(new java.util.concurrent.TimeoutException("expired"))).isEqualTo("timed out");
        assertThat(Progress.failureKind(new IllegalStateException("x", new java.io.EOFException("closed")))).isEqualTo("EOFException");
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
        assertThat(IntakeRun.errorKind(new IntakeRun.Posted(referral, 503, null, "failed", 0, 1))).isEqualTo("HTTP 5xx");
        assertThat(IntakeRun.errorKind(new IntakeRun.Posted(referral, 422, null, "failed", 0, 1))).isEqualTo("HTTP 422");
        assertThat(IntakeRun.errorKind(new IntakeRun.Posted(referral, 200, null, "invalid", 0, 1))).isEqualTo("invalid");
        String timedOut = IntakeRun.failed(new IllegalStateException("http://127.0.0.1:8081/api/referrals: request timed out",
                new java.net.http.HttpTimeoutException("request timed out")));
        assertThat(timedOut).isEqualTo("failed: timed out (http://127.0.0.1:8081/api/referrals: request timed out)");
        assertThat(IntakeRun.errorKind(new IntakeRun.Posted(referral, -1, null, timedOut, 0, 1))).isEqualTo("timed out");
        String refused = IntakeRun.failed(new IllegalStateException("http://127.0.0.1:8081/api/referrals: null", new java.net.ConnectException()));
        assertThat(IntakeRun.errorKind(new IntakeRun.Posted(referral, -1, null, refused, 0, 1))).isEqualTo("connection refused");
    }
}
