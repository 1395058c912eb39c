package org.saferkent.referrals.referral.application;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.saferkent.platform.outbox.ConcurrentUpdateException;
import org.saferkent.referrals.referral.adapter.out.persistence.SubjectIndex;
import org.saferkent.referrals.referral.adapter.out.persistence.SubjectIndex.Links;
import org.saferkent.referrals.referral.adapter.out.persistence.SubjectIndex.SubjectRecord;
import org.saferkent.referrals.referral.domain.Referral;

/**
 * Undoes a wrong link (README, "Who a person is"): a referral whose subject joined another address's history by name
 * and date of birth alone, but is someone else (a namesake born the same day). Its pseudonym and its entries leave
 * that history for one of its own, stored under its pseudonym (so its next referral finds it directly), and the
 * history it left marks the pseudonym so the link key never joins it there again. The referral and its events do not
 * change: they always named the referral's own pseudonym.
 *
 * <p>Without transactions: the new history is written first, then the old one with its version check. A crash in
 * between leaves the pseudonym in both, which the next attempt of the same undo finishes (its history found by the
 * pseudonym, as an intake finds it, before the old one).
 */
public class SubjectLinks {

    private static final ZoneId KENT = ZoneId.of("Europe/London");
    private static final int ATTEMPTS = 5;

    /** The referral's subject was not joined to another address's history: there is nothing to undo. */
    public static class NotLinkedException extends RuntimeException {
        public NotLinkedException(String message) {
            super(message);
        }
    }

    /** What the undo did: how many referrals (this one and others under the same pseudonym) left the joined history. */
    public record Undone(String referralId, int referralsMoved) {
    }

    private final SubjectIndex subjects;
    private final UnfinishedIntakes unfinished;
    private final Function<String, Optional<Referral>> referrals;

    public SubjectLinks(SubjectIndex subjects, UnfinishedIntakes unfinished, Function<String, Optional<Referral>> referrals) {
        this.subjects = subjects;
        this.unfinished = unfinished;
        this.referrals = referrals;
    }

    /**
     * @return empty when there is no such referral
     * @throws NotLinkedException when its subject's pseudonym is not joined to another history
     */
    public Optional<Undone> undo(String referralId) {
        Optional<Referral> referral = referrals.apply(referralId);
        if (referral.isEmpty()) {
            return Optional.empty();
        }
        String pseudonym = referral.get().subject().pseudonym();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            SubjectIndex.Located joined = subjects.joinedUnder(pseudonym).orElseThrow(() -> new NotLinkedException(
                    "The referral's subject is not linked to a history from another address (never linked, already "
                            + "undone, or the history was started under this referral's details: undo from a referral "
                            + "that joined it)."));
            SubjectRecord stored = joined.record();
            UnfinishedIntakes.Settled settled = unfinished.settle(stored, null); // an intake in flight finishes (or is undone) first
            SubjectRecord history = settled.history();
            Map<String, Referral> held = new LinkedHashMap<>();
            history.referralIds().forEach(id -> referrals.apply(id).ifPresent(r -> held.put(id, r)));
            Set<String> theirs = held.values().stream().filter(r -> pseudonym.equals(r.subject().pseudonym()))
                    .map(Referral::id).collect(Collectors.toCollection(LinkedHashSet::new));
            List<Referral> rest = held.values().stream().filter(r -> !theirs.contains(r.id())).toList();
            LocalDate theirMarac = lastMarac(held.values().stream().filter(r -> theirs.contains(r.id())).toList());
            SubjectRecord split = history.only(theirs, theirMarac,
                    new Links(history.links().personKeys(), List.of(), List.of(), history.links().nhsKeysOf(pseudonym)));
            SubjectRecord remaining = history.without(theirs, restMarac(history.lastMaracReferral(), theirMarac, rest),
                    history.links().unlinking(pseudonym));
            subjects.insertSplit(pseudonym, split); // false: written by an earlier attempt, or found by a referral since
            if (subjects.save(joined.storedUnder(), stored, remaining)) {
                unfinished.forget(settled);
                return Optional.of(new Undone(referralId, theirs.size()));
            }
        }
        throw new ConcurrentUpdateException("subjects", pseudonym, -1);
    }

    /** The day of the latest of these referrals that went to MARAC (it was referred on the day it was received). */
    static LocalDate lastMarac(List<Referral> referrals) {
        return referrals.stream().filter(r -> r.triage() != null && r.triage().marac() && r.receivedAt() != null)
                .map(r -> LocalDate.ofInstant(r.receivedAt(), KENT)).max(Comparator.naturalOrder()).orElse(null);
    }

    /**
     * The history's last MARAC referral once the departing referrals are gone: unchanged unless it was theirs alone (on
     * their day and none of the rest's), then the latest of the rest's.
     */
    static LocalDate restMarac(LocalDate last, LocalDate theirs, List<Referral> rest) {
        if (last == null || !last.equals(theirs)) {
            return last;
        }
        LocalDate restLast = lastMarac(rest);
        return restLast != null && restLast.equals(last) ? last : restLast;
    }
}
