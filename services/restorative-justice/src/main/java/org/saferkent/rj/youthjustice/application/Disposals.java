package org.saferkent.rj.youthjustice.application;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.saferkent.platform.outbox.AggregateStore;
import org.saferkent.platform.outbox.ConcurrentUpdateException;
import org.saferkent.platform.outbox.Loaded;
import org.saferkent.rj.vocabulary.Codes;
import org.saferkent.rj.youthjustice.domain.Disposal;
import org.saferkent.rj.youthjustice.domain.DisposalAges;
import org.saferkent.rj.youthjustice.domain.DisposalType;
import org.saferkent.rj.youthjustice.domain.OffendingHistory;

/**
 * Records the disposals Kent Police and the Youth Offending Service post, in the person's offending
 * history (by pseudonym), with their events in the same write. The date of birth, if one was posted,
 * is used for the ages and goes no further. A person already known under an earlier pseudonym (keyed
 * under a previous secret or the earlier name normalisation) keeps that history. The same disposal
 * posted by both agencies is one disposal: the second posting records nothing.
 */
public class Disposals {

    /** A disposal as posted, checked. Exactly one of {@code dateOfBirth} and {@code ageAtOffence} is set. */
    public record NewDisposal(String personPseudonym, List<String> previousPseudonyms, LocalDate dateOfBirth,
            Integer ageAtOffence, String offenceCategory, LocalDate offenceDate, DisposalType type, LocalDate disposalDate,
            String district, String agency) {

        @Override
        public String toString() {
            return "NewDisposal[" + agency + ", " + district + ", " + type + "]"; // never the date of birth
        }
    }

    /** The history after the disposal, the disposal, and whether this call recorded it (false: posted before). */
    public record Recorded(OffendingHistory history, Disposal disposal, boolean created) {

        public boolean firstTimeEntrant() {
            return history.firstTimeEntry() != null && history.firstTimeEntry().disposalId().equals(disposal.id());
        }
    }

    private static final int ATTEMPTS = 5;

    private final AggregateStore<OffendingHistory> histories;
    private final Clock clock;

    public Disposals(AggregateStore<OffendingHistory> histories, Clock clock) {
        this.histories = histories;
        this.clock = clock;
    }

    public Recorded record(NewDisposal posted) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Loaded<OffendingHistory>> loaded = find(posted);
            String pseudonym = loaded.map(l -> l.state().id()).orElse(posted.personPseudonym());
            OffendingHistory before = loaded.map(Loaded::state).orElse(OffendingHistory.none(pseudonym));
            Disposal disposal = disposal(posted, pseudonym);
            Optional<Disposal> earlier = before.disposals().stream().filter(d -> sameDisposal(d, disposal)).findFirst();
            if (earlier.isPresent()) {
                return new Recorded(before, earlier.get(), false);
            }
            OffendingHistory.Change change = before.record(disposal, clock.instant());
            if (loaded.isEmpty()) {
                if (histories.insert(pseudonym, change.history(), change.events())) {
                    return new Recorded(change.history(), disposal, true);
                }
                continue; // another disposal for the same person got there first: decide again
            }
            try {
                histories.update(pseudonym, loaded.get().version(), change.history(), change.events());
                return new Recorded(change.history(), disposal, true);
            } catch (ConcurrentUpdateException e) {
                // another disposal for the same person was recorded meanwhile: decide again
            }
        }
        throw new ConcurrentUpdateException(histories.collection(), posted.personPseudonym(), -1);
    }

    /** The person's history under their pseudonym, else under the first earlier pseudonym that has one. */
    private Optional<Loaded<OffendingHistory>> find(NewDisposal posted) {
        Optional<Loaded<OffendingHistory>> current = histories.find(posted.personPseudonym());
        if (current.isPresent()) {
            return current;
        }
        for (String earlier : posted.previousPseudonyms()) {
            Optional<Loaded<OffendingHistory>> found = histories.find(earlier);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /**
     * One disposal whoever posted it: the same offence (category and date) disposed of the same way on the same
     * day. Matched on these facts rather than the id, so that a disposal recorded when ids still named the
     * posting agency is found too.
     */
    static boolean sameDisposal(Disposal recorded, Disposal posted) {
        return recorded.id().equals(posted.id()) || (recorded.offenceCategory().equals(posted.offenceCategory())
                && recorded.offenceDate().equals(posted.offenceDate()) && recorded.type() == posted.type()
                && recorded.disposalDate().equals(posted.disposalDate()));
    }

    public Optional<OffendingHistory> history(String pseudonym) {
        return histories.find(pseudonym).map(Loaded::state);
    }

    private Disposal disposal(NewDisposal posted, String pseudonym) {
        DisposalAges ages = posted.dateOfBirth() != null
                ? DisposalAges.fromDateOfBirth(posted.dateOfBirth(), posted.offenceDate(), posted.disposalDate())
                : DisposalAges.fromAgeAtOffence(posted.ageAtOffence(), posted.offenceDate(), posted.disposalDate());
        return new Disposal(idFor(posted, pseudonym), posted.agency(), posted.offenceCategory(), posted.offenceDate(), posted.type(),
                posted.disposalDate(), posted.district(), ages.atOffence(), ages.atDisposal(), ages.basis(), clock.instant());
    }

    /**
     * The same disposal of the same offence of the same person names the same disposal, whichever agency posts it:
     * a repost, or the other agency's posting, records nothing.
     */
    static String idFor(NewDisposal posted, String pseudonym) {
        String key = String.join("\u0000", pseudonym, posted.offenceCategory(),
                posted.offenceDate().toString(), Codes.of(posted.type()), posted.disposalDate().toString());
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
