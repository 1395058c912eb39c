package org.saferkent.benchmark;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.saferkent.simulator.IntakeRun;
import org.saferkent.simulator.Progress;
import org.saferkent.simulator.KentShape;
import org.saferkent.simulator.ReferralGenerator;
import org.saferkent.simulator.SimulatedReferral;

/**
 * Intake throughput and a year of Kent's referrals end to end: agencies post as fast as the stack
 * takes them (nightly batch exports, a few agencies at once) for at least the sustain time, or the
 * whole year; then the stack is left to finish: victim cases, RJ cases, commissioning's facts and its
 * feed. Referrals per second of that whole pipeline give the time a year takes (measured when the run
 * posts a full year, extrapolated from the sustained run otherwise — the report says which).
 */
public final class IntakePhase {

    public record Figures(long posted, long created, long failed, double postSeconds, double acceptedPerSecond, double drainSeconds,
            double pipelinePerSecond, double yearSeconds, boolean fullYear, ServiceCounters.Totals costs) {

        public Map<String, Object> asMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("referralsPosted", posted);
            map.put("referralsCreated", created);
            map.put("referralsFailed", failed);
            map.put("postingSeconds", round(postSeconds));
            map.put("acceptedPerSecond", round(acceptedPerSecond));
            map.put("secondsUntilEverythingDownstreamSettled", round(drainSeconds));
            map.put("endToEndReferralsPerSecond", round(pipelinePerSecond));
            map.put("kentYearReferrals", KentShape.REFERRALS_PER_YEAR);
            map.put("kentYearSeconds", round(yearSeconds));
            map.put("kentYearMeasured", fullYear);
            map.put("storeWritesPerReferral", round(costs.storeWrites() / Math.max(1, created)));
            map.put("storeWritesPerReferralByService", costs.writesPerReferral(created));
            map.put("storeWritesPerReferralByCollection", costs.writesPerReferralByCollection(created));
            map.put("storeCommandsPerReferral", round(costs.storeCommands() / Math.max(1, created)));
            map.put("kafkaRecordsPerReferral", round(costs.kafkaRecords() / Math.max(1, created)));
            return map;
        }
    }

    private final IntakeRun run;
    private final Quiescence quiescence;
    private final ServiceCounters counters;

    public IntakePhase(IntakeRun run, Quiescence quiescence, ServiceCounters counters) {
        this.run = run;
        this.quiescence = quiescence;
        this.counters = counters;
    }

    /**
     * @param warmupSeconds first post for this long and wait until it settles, uncounted: each history point is
     *                      measured right after a restart, its JIT and caches cold
     * @param fullYear      post all 102,736 referrals; otherwise post for {@code sustainSeconds}
     */
    public Figures run(ReferralGenerator generator, long warmupSeconds, boolean fullYear, long sustainSeconds, long drainTimeoutSeconds)
            throws Exception {
        if (warmupSeconds > 0) {
            post("  warm-up", postingFor(generator, warmupSeconds, false), 0);
        }
        quiescence.awaitDrained(4_000, 600_000, counters::outboxBacklog);
        ServiceCounters.Totals before = counters.read();
        long recordsBefore = quiescence.records(List.of(""));
        long started = System.nanoTime();
        IntakeRun.Summary summary = post("  intake", postingFor(generator, sustainSeconds, fullYear),
                fullYear ? KentShape.REFERRALS_PER_YEAR : 0);
        double postSeconds = summary.elapsedNanos() / 1e9;
        long drainedAt = quiescence.awaitDrained(4_000, drainTimeoutSeconds * 1000, counters::outboxBacklog);
        double drainSeconds = (drainedAt - started) / 1e9;
        // records counted where they land, on the broker (every topic, ops events and feed included):
        // producer metrics restart from zero whenever a producer is replaced
        long records = quiescence.records(List.of("")) - recordsBefore;
        ServiceCounters.Totals measured = counters.read().minus(before);
        ServiceCounters.Totals costs = measured.withRecords(records);
        double pipeline = summary.created() / drainSeconds;
        double year = fullYear ? drainSeconds : KentShape.REFERRALS_PER_YEAR / pipeline;
        return new Figures(summary.posted(), summary.created(), summary.failed(), postSeconds, summary.createdPerSecond(),
                drainSeconds, pipeline, year, fullYear, costs);
    }

    /** The generator's referrals for {@code seconds} from now ({@code endless}: until {@code count} are posted). */
    private static Iterator<SimulatedReferral> postingFor(ReferralGenerator generator, long seconds, boolean endless) {
        long stopPosting = System.nanoTime() + seconds * 1_000_000_000L;
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return endless || System.nanoTime() < stopPosting;
            }

            @Override
            public SimulatedReferral next() {
                return generator.next();
            }
        };
    }

    /** Posts {@code source}, {@code count} referrals when it is more than 0, with a progress line under {@code label}. */
    private IntakeRun.Summary post(String label, Iterator<SimulatedReferral> source, long count) throws Exception {
        try (Progress progress = Progress.start(label, count)) {
            return run.run(source, count > 0 ? count : Long.MAX_VALUE, 0,
                    posted -> progress.done(IntakeRun.errorKind(posted), () -> IntakeRun.example(posted)));
        }
    }

    static Double round(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? null : Math.round(value * 10) / 10.0;
    }
}
