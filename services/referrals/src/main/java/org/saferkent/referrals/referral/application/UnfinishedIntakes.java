package org.saferkent.referrals.referral.application;

import org.saferkent.platform.outbox.DuplicateKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import org.saferkent.referrals.referral.adapter.out.persistence.PersonalDetailsStore;
import org.saferkent.referrals.referral.adapter.out.persistence.SubjectIndex;
import org.saferkent.referrals.referral.adapter.out.persistence.SubjectIndex.SubjectRecord;
import org.saferkent.referrals.referral.application.IntakeSteps.Step;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.MongoWriteException;
import com.mongodb.client.model.UpdateOptions;

/**
 * An intake writes the subject's history, then the personal details, then the referral with its events:
 * the referral is the commit point, and a process killed before it leaves a history naming a referral that
 * does not exist. Such an entry must never count (a later duplicate would link to a referral nobody has),
 * so a history is believed only once its pending intake is settled:
 * <ul>
 * <li>the pending referral exists: its entries stand;</li>
 * <li>it does not, and the pending intake is older than the grace: the intake died; its entries, its MARAC
 * date and its personal details go (a retry of the same agency reference records them again);</li>
 * <li>it does not yet, and the intake is younger: it may still be running, so the reader waits for it (at
 * most the grace), exactly as the version check made a second referral of the same person wait for the
 * first before; two agencies referring one person at once still cannot both be "first".</li>
 * </ul>
 * The grace must exceed the time an intake takes from its history to its referral (milliseconds): an intake
 * that stalls longer is taken for dead. A periodic settlement does the same for subjects nobody refers
 * again, so a dead intake's personal details do not stay.
 */
public class UnfinishedIntakes {

    private static final Logger log = LoggerFactory.getLogger(UnfinishedIntakes.class);
    private static final Duration FIRST_PAUSE = Duration.ofMillis(10);
    private static final Duration LONGEST_PAUSE = Duration.ofMillis(250);
    /** How far the settlement of dead intakes has come (one document). */
    static final String SETTLEMENT = "intake_settlement";
    private static final String SETTLED_UP_TO = "settledUpTo";

    /** A history as it may be believed, and the referral of an intake found dead (its personal details to forget). */
    public record Settled(SubjectRecord history, String abandoned) {
    }

    private final MongoTemplate mongo;
    private final String referrals;
    private final SubjectIndex subjects;
    private final PersonalDetailsStore personalDetails;
    private final Duration grace;
    private final IntakeSteps steps;
    private final Clock clock;

    public UnfinishedIntakes(MongoTemplate mongo, String referrals, SubjectIndex subjects, PersonalDetailsStore personalDetails,
            Duration grace, IntakeSteps steps, Clock clock) {
        this.mongo = mongo;
        this.referrals = referrals;
        this.subjects = subjects;
        this.personalDetails = personalDetails;
        this.grace = grace;
        this.steps = steps;
        this.clock = clock;
    }

    /**
     * The history {@code history} as the intake of {@code referralId} may believe it (null: no intake of its own).
     * The intake's own earlier attempt (its referral does not exist, or it would not be taking it in) is undone,
     * to be recorded again from this attempt's decision.
     */
    public Settled settle(SubjectRecord history, String referralId) {
        SubjectIndex.Pending pending = history.pending();
        if (pending == null) {
            return new Settled(history, null);
        }
        if (pending.referralId().equals(referralId)) {
            return new Settled(history.withoutPending(), null);
        }
        Instant deadline = pending.recordedAt().plus(grace);
        long waitedUntil = System.nanoTime() + grace.toNanos();
        Duration pause = FIRST_PAUSE;
        while (!exists(pending.referralId())) {
            if (!clock.instant().isBefore(deadline) || System.nanoTime() - waitedUntil >= 0) {
                log.warn("Intake of referral {} did not finish (recorded {}): its history entries no longer count",
                        pending.referralId(), pending.recordedAt());
                return new Settled(history.withoutPending(), pending.referralId());
            }
            steps.reached(Step.WAITING_FOR_EARLIER_INTAKE, pending.referralId());
            pause(pause);
            pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
        }
        return new Settled(history.confirmed(), null);
    }

    /** After the settled history was saved: the dead intake's personal details go, unless its referral came after all. */
    public void forget(Settled settled) {
        if (settled.abandoned() != null && !exists(settled.abandoned())) {
            personalDetails.delete(settled.abandoned());
        }
    }

    /**
     * Undoes the dead intakes (with their personal details) among the histories whose pending intake is older
     * than the grace, for subjects nobody refers again. A finished intake is left pending: its entries stand
     * as they are, and the next intake of the same subject confirms them in the write it makes anyway, so a
     * referral costs no write here. Each run reads only the intakes recorded since the last run (less a
     * grace's overlap, for clocks a little apart): the store keeps how far settlement has come, one write a
     * run. Safe beside intakes and other instances: each history is saved with its version check, one that
     * changed meanwhile is left to its next reader, and a run killed part way is done again.
     *
     * @return how many dead intakes were undone
     */
    public int settleAll() {
        Instant cutoff = clock.instant().minus(grace);
        Instant from = settledUpTo().minus(grace);
        int undone = 0;
        for (String pseudonym : subjects.pendingBetween(from, cutoff)) {
            SubjectRecord history = subjects.find(pseudonym);
            if (history.pending() == null || history.pending().recordedAt().isAfter(cutoff) || exists(history.pending().referralId())) {
                continue;
            }
            Settled settled = settle(history, null);
            if (subjects.save(pseudonym, history, settled.history()) && settled.abandoned() != null) {
                forget(settled);
                undone++;
            }
        }
        settledUpTo(cutoff);
        return undone;
    }

    private Instant settledUpTo() {
        Document progress = mongo.getCollection(SETTLEMENT).find(new Document("_id", SETTLEMENT)).first();
        return progress == null ? Instant.EPOCH.plus(grace) : progress.getDate(SETTLED_UP_TO).toInstant();
    }

    /** Moves the settlement's progress forward, never back (another instance may have gone further). */
    private void settledUpTo(Instant cutoff) {
        Document forward = new Document("$max", new Document(SETTLED_UP_TO, Date.from(cutoff)));
        try {
            mongo.getCollection(SETTLEMENT).updateOne(new Document("_id", SETTLEMENT), forward, new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (!DuplicateKeys.is(e)) {
                throw e;
            }
            mongo.getCollection(SETTLEMENT).updateOne(new Document("_id", SETTLEMENT), forward); // created meanwhile by another instance
        }
    }

    private boolean exists(String referralId) {
        return mongo.getCollection(referrals).countDocuments(new Document("_id", referralId)) > 0;
    }

    private static void pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for an earlier intake of the same subject", e);
        }
    }
}
