package org.saferkent.simulator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Kent-shaped referrals at a steady rate, and case work on the cases they open (with the partner teams'
 * answers in their inboxes), in the background until
 * {@link #stop()}: what a chaos run keeps going while it kills parts of the stack. Keeps every referral
 * answered 201 with its id (the acknowledged ones, to reconcile afterwards) and every agency posted for.
 * A referral whose request failed (the stack was down, the connection was cut) is not retried: it was
 * never acknowledged, so it may or may not exist.
 */
public final class SteadyLoad {

    private static final int CASE_WORK_ATTEMPTS = 5;
    /** A case opens a moment after its referral is acknowledged: look for it this long after, and again as long after a miss. */
    private static final long CASE_WORK_DELAY_NANOS = TimeUnit.SECONDS.toNanos(3);

    private final AgencyClient client;
    private final ReferralGenerator generator;
    private final CaseWork caseWork;
    private final PartnerTeams partnerTeams;
    private final double rate;
    private final int concurrency;
    private final List<IntakeRun.Posted> acknowledged = new ArrayList<>();
    private final Set<String> agencies = ConcurrentHashMap.newKeySet();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong casesWorked = new AtomicLong();
    private final AtomicLong partnerAnswers = new AtomicLong();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicBoolean paused = new AtomicBoolean();
    private final DelayQueue<Attempt> toWork = new DelayQueue<>();
    private Thread intake;
    private Thread worker;

    /** One referral's work still to do: its cases (victims', RJ) and its partner teams' answers, each done once. */
    private record Attempt(IntakeRun.Posted posted, int attempt, boolean cases, boolean inbox, long dueNanos) implements Delayed {

        Attempt(IntakeRun.Posted posted, int attempt, boolean cases, boolean inbox) {
            this(posted, attempt, cases, inbox, System.nanoTime() + CASE_WORK_DELAY_NANOS);
        }

        static Attempt first(IntakeRun.Posted posted) {
            List<String> pathways = posted.referral().pathways();
            return new Attempt(posted, 1,
                    pathways.stream().anyMatch(p -> Reconciliation.VICTIM_PATHWAYS.contains(p) || Reconciliation.RJ_PATHWAY.equals(p)),
                    pathways.stream().anyMatch(PartnerTeams.PATHWAYS::contains));
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(dueNanos, ((Attempt) other).dueNanos);
        }
    }

    /** @param caseWork whether a practitioner works the cases opened (victims' contacts, RJ conferences) */
    public SteadyLoad(AgencyClient client, long seed, LocalDate today, String referencePrefix, double rate, int concurrency,
            boolean caseWork) {
        this.client = client;
        this.generator = new ReferralGenerator(seed, today, referencePrefix);
        this.caseWork = caseWork ? new CaseWork(client, seed, today) : null;
        this.partnerTeams = caseWork ? new PartnerTeams(client, seed) : null;
        this.rate = rate;
        this.concurrency = concurrency;
    }

    /**
     * Paced here rather than by {@link IntakeRun}'s fixed schedule, which would make up for lost time:
     * after the stack was down (or slow) it would fire every referral it owes at once, and a run would
     * move in bursts instead of at a steady rate.
     */
    public void start() {
        long interval = rate > 0 ? (long) (1e9 / rate) : 0;
        Iterator<SimulatedReferral> source = new Iterator<>() {
            private long nextSlot = System.nanoTime();

            @Override
            public boolean hasNext() {
                return !stopping.get();
            }

            @Override
            public SimulatedReferral next() {
                awaitResumed();
                long slot = Math.max(nextSlot, System.nanoTime());
                long wait;
                while ((wait = slot - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait); // pacing the load, not waiting for a result
                }
                nextSlot = slot + interval;
                SimulatedReferral referral = generator.next();
                agencies.add(referral.agency());
                return referral;
            }
        };
        intake = new Thread(() -> new IntakeRun(client, concurrency, 1).run(source, Long.MAX_VALUE, 0, posted -> {
            if (posted.created()) {
                synchronized (acknowledged) {
                    acknowledged.add(posted);
                }
                if (caseWork != null) {
                    Attempt first = Attempt.first(posted);
                    if (first.cases() || first.inbox()) {
                        toWork.add(first);
                    }
                }
            } else if (!"replayed".equals(posted.outcome())) {
                failed.incrementAndGet();
            }
        }), "steady-load-intake");
        intake.setDaemon(true);
        intake.start();
        if (caseWork != null) {
            worker = new Thread(this::workCases, "steady-load-case-work");
            worker.setDaemon(true);
            worker.start();
        }
    }

    /**
     * Holds the intake before its next referral until {@link #resume()} (or {@link #stop()}); the case work goes on.
     * For a run that changes the stack at length without wanting that time's referrals, e.g. while more instances start.
     */
    public void pause() {
        paused.set(true);
    }

    /** Posts again at the same rate, from now (not making up for the pause). */
    public void resume() {
        paused.set(false);
        Thread waiting = intake;
        if (waiting != null) {
            LockSupport.unpark(waiting);
        }
    }

    private void awaitResumed() {
        while (paused.get() && !stopping.get()) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100)); // woken by resume(); the bound notices stop()
        }
    }

    /** Stops posting; returns once every request in flight is answered. */
    public void stop() throws InterruptedException {
        stopping.set(true);
        if (intake != null) {
            intake.join(TimeUnit.MINUTES.toMillis(2));
        }
        if (worker != null) {
            worker.interrupt();
            worker.join(TimeUnit.MINUTES.toMillis(1));
        }
    }

    public int acknowledgedCount() {
        synchronized (acknowledged) {
            return acknowledged.size();
        }
    }

    /** Every referral answered 201, with its id. */
    public List<IntakeRun.Posted> acknowledged() {
        synchronized (acknowledged) {
            return List.copyOf(acknowledged);
        }
    }

    /** Every agency that posted (acknowledged or not). */
    public Set<String> agencies() {
        return Set.copyOf(agencies);
    }

    /** Requests that failed (refused, cut, 5xx, 401 from a token of a stack that has since restarted). */
    public long failed() {
        return failed.get();
    }

    public long casesWorked() {
        return casesWorked.get();
    }

    /** Answers the partner teams sent and had taken (acceptances, declines, closures). */
    public long partnerAnswers() {
        return partnerAnswers.get();
    }

    /**
     * One practitioner, one case at a time, in the order the referrals were acknowledged, and the partner
     * teams answering the referral's other pathways in their inboxes; a case not open yet (its event still
     * on the way, or the stack down) or an answer not taken goes to the back of the queue, a few times at
     * most, with only what is still to do.
     */
    private void workCases() {
        while (!stopping.get()) {
            Attempt next;
            try {
                next = toWork.poll(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (next == null) {
                continue;
            }
            SimulatedReferral referral = next.posted().referral();
            String referralId = next.posted().referralId();
            boolean cases = next.cases();
            boolean inbox = next.inbox();
            try {
                if (cases) {
                    CaseWork.Steps steps = caseWork.work(referral, referralId);
                    if (steps.victimCaseFound() || steps.rjCaseFound()) {
                        casesWorked.incrementAndGet();
                        cases = false;
                    }
                }
                if (inbox) {
                    PartnerTeams.Round round = partnerTeams.answer(referral, referralId);
                    partnerAnswers.addAndGet(round.answers());
                    inbox = !round.settled();
                }
            } catch (RuntimeException e) {
                // the stack is down or restarting: try again later
            }
            if (!cases && !inbox) {
                continue;
            }
            if (next.attempt() < CASE_WORK_ATTEMPTS) {
                toWork.add(new Attempt(next.posted(), next.attempt() + 1, cases, inbox));
            }
        }
    }
}
