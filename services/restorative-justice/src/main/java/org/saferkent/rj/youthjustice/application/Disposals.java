package org.saferkent.rj.youthjustice.application;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
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
 * is used for the ages and goes no further.
 */
public class Disposals {

    /** A disposal as posted, checked. Exactly one of {@code dateOfBirth} and {@code ageAtOffence} is set. */
    public record NewDisposal(String personPseudonym, LocalDate dateOfBirth, Integer ageAtOffence, String offenceCategory,
            LocalDate offenceDate, DisposalType type, LocalDate disposalDate, String district, String agency) {

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
        String pseudonym = posted.personPseudonym();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Loaded<OffendingHistory>> loaded = histories.find(pseudonym);
            OffendingHistory before = loaded.map(Loaded::state).orElse(OffendingHistory.none(pseudonym));
            Disposal disposal = disposal(posted);
            Optional<Disposal> earlier = before.find(disposal.id());
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
        throw new ConcurrentUpdateException(histories.collection(), pseudonym, -1);
    }

    public Optional<OffendingHistory> history(String pseudonym) {
        return histories.find(pseudonym).map(Loaded::state);
    }

    private Disposal disposal(NewDisposal posted) {
        DisposalAges ages = posted.dateOfBirth() != null
                ? DisposalAges.fromDateOfBirth(posted.dateOfBirth(), posted.offenceDate(), posted.disposalDate())
                : DisposalAges.fromAgeAtOffence(posted.ageAtOffence(), posted.offenceDate(), posted.disposalDate());
        return new Disposal(idFor(posted), posted.agency(), posted.offenceCategory(), posted.offenceDate(), posted.type(),
                posted.disposalDate(), posted.district(), ages.atOffence(), ages.atDisposal(), ages.basis(), clock.instant());
    }

    /** The same agency posting the same disposal of the same offence names the same disposal: a repost records nothing. */
    static String idFor(NewDisposal posted) {
        String key = String.join("\u0000", posted.agency(), posted.personPseudonym(), posted.offenceCategory(),
                posted.offenceDate().toString(), Codes.of(posted.type()), posted.disposalDate().toString());
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
