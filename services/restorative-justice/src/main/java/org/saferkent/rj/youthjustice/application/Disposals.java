package org.saferkent.rj.youthjustice.application;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;

import org.saferkent.platform.outbox.AggregateStore;
import org.saferkent.platform.outbox.ConcurrentUpdateException;
import org.saferkent.platform.outbox.Loaded;
import org.saferkent.rj.vocabulary.Codes;
import org.saferkent.rj.youthjustice.domain.Disposal;
import org.saferkent.rj.youthjustice.domain.DisposalAges;
import org.saferkent.rj.youthjustice.domain.DisposalType;
import org.saferkent.rj.youthjustice.domain.OffendingHistory;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

/**
 * Records the disposals Kent Police and the Youth Offending Service post, in the person's offending
 * history (by pseudonym), with their events in the same write. The date of birth, if one was posted,
 * is used for the ages and goes no further. A person already known under an earlier pseudonym (keyed
 * under a previous secret or the earlier name normalisation) keeps that history. The same disposal
 * posted by both agencies is one disposal: the second posting records nothing.
 *
 * <p>Who the person is, for a disposal posted with their details (README, "Youth justice: one person"):
 * <ol>
 * <li>a PNC ID already recorded for someone is that person, whatever the name's spelling or the postcode: the
 * police's identifier wins over the name;
 * <li>otherwise the history under their pseudonym (name, date of birth and postcode, as referrals key them), or one
 * that already knows them by it, or by a pseudonym under a previous secret;
 * <li>otherwise the one history that knows their name and date of birth (their link key) from another postcode,
 * unless it has another PNC ID (then it is someone else); when several do, the postcode could not tell them
 * apart and the disposal starts a history under its own pseudonym.
 * </ol>
 * The history found remembers the posting's pseudonym, link key and keyed PNC ID, never published.
 *
 * <p>First sightings posted at once (two agencies, two postcodes, the person never seen before) make one history, with
 * no transactions: a history a posting starts <em>claims</em> its link key and keyed PNC ID, each under a unique
 * index, in the same insert. Of two such postings of one person only one insert succeeds (the other breaks a claim, or
 * the pseudonym's id); the other decides again, finds the winner by link key or PNC ID and joins it. A claim held by a
 * history the rules do not join (another PNC ID, or namesakes) is left out of the next attempt's insert.
 */
public class Disposals {

    /** A disposal as posted, checked. Exactly one of {@code dateOfBirth} and {@code ageAtOffence} is set. */
    /**
     * @param personKeys the person's link keys (name and date of birth), current secret first; empty when the agency
     *                   sent a pseudonym
     * @param pncKeys    their keyed PNC ID, current secret first; empty when none was posted
     */
    public record NewDisposal(String personPseudonym, List<String> previousPseudonyms, LocalDate dateOfBirth,
            Integer ageAtOffence, String offenceCategory, LocalDate offenceDate, DisposalType type, LocalDate disposalDate,
            String district, String agency, List<String> personKeys, List<String> pncKeys) {

        public NewDisposal {
            previousPseudonyms = previousPseudonyms == null ? List.of() : List.copyOf(previousPseudonyms);
            personKeys = personKeys == null ? List.of() : List.copyOf(personKeys);
            pncKeys = pncKeys == null ? List.of() : List.copyOf(pncKeys);
        }

        String personKey() {
            return personKeys.isEmpty() ? null : personKeys.get(0);
        }

        String pncKey() {
            return pncKeys.isEmpty() ? null : pncKeys.get(0);
        }

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
    static final String PSEUDONYMS = "pseudonyms";
    static final String PERSON_KEYS = "personKeys";
    static final String PNC_KEYS = "pncKeys";
    static final String CLAIMED_PERSON_KEY = "claimedPersonKey";
    static final String CLAIMED_PNC_KEY = "claimedPncKey";

    private final AggregateStore<OffendingHistory> histories;
    private final MongoTemplate mongo;
    private final Clock clock;

    public Disposals(AggregateStore<OffendingHistory> histories, MongoTemplate mongo, Clock clock) {
        this.histories = histories;
        this.mongo = mongo;
        this.clock = clock;
        // a person is found by any of their pseudonyms, their link key or their keyed PNC ID (multikey indexes)
        for (String field : List.of(PSEUDONYMS, PERSON_KEYS, PNC_KEYS)) {
            mongo.getCollection(histories.collection()).createIndex(Indexes.ascending(field));
        }
        // one first sighting per link key and per PNC ID: the claims (sparse, as only the histories that started so hold one)
        for (String field : List.of(CLAIMED_PERSON_KEY, CLAIMED_PNC_KEY)) {
            mongo.getCollection(histories.collection()).createIndex(Indexes.ascending(field),
                    new IndexOptions().unique(true).sparse(true));
        }
    }

    public Recorded record(NewDisposal posted) {
        boolean contested = false; // an insert of this posting's history failed: a claim or the id was taken meanwhile
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Loaded<OffendingHistory>> loaded = find(posted);
            String pseudonym = loaded.map(l -> l.state().id()).orElse(posted.personPseudonym());
            OffendingHistory found = loaded.map(Loaded::state).orElse(OffendingHistory.none(pseudonym));
            OffendingHistory before = found.linkedTo(posted.personPseudonym(), posted.personKey(), posted.pncKey());
            Disposal disposal = disposal(posted, pseudonym);
            Optional<Disposal> earlier = before.disposals().stream().filter(d -> sameDisposal(d, disposal)).findFirst();
            if (earlier.isPresent()) {
                if (found.isLinkedTo(posted.personPseudonym(), posted.personKey(), posted.pncKey())) {
                    return new Recorded(before, earlier.get(), false);
                }
                try { // nothing to record, but the history learns how else the person is known (a history kept from before)
                    histories.update(pseudonym, loaded.orElseThrow().version(), before, List.of());
                    return new Recorded(before, earlier.get(), false);
                } catch (ConcurrentUpdateException e) {
                    continue; // changed meanwhile: decide again
                }
            }
            OffendingHistory.Change change = before.record(disposal, clock.instant());
            if (loaded.isEmpty()) {
                OffendingHistory first = change.history().claiming(claim(CLAIMED_PERSON_KEY, posted.personKey(), contested),
                        claim(CLAIMED_PNC_KEY, posted.pncKey(), contested));
                if (histories.insert(pseudonym, first, change.events())) {
                    return new Recorded(first, disposal, true);
                }
                contested = true;
                continue; // another disposal for the same person got there first: decide again (and join it)
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

    /**
     * The claim a new history makes on {@code key}: none when there is no key, or, after a contested insert, when a
     * history holds it already. That history existed before this attempt's {@link #find}, which did not join it: it is
     * someone else's (another PNC ID, or one of several namesakes), so the new history starts unclaimed.
     */
    private String claim(String field, String key, boolean contested) {
        if (key == null) {
            return null;
        }
        if (contested && mongo.getCollection(histories.collection()).find(Filters.eq(field, key))
                .projection(new Document("_id", 1)).first() != null) {
            return null;
        }
        return key;
    }

    /** The person's history, by the rules in the class comment: PNC ID, then pseudonym, then name and date of birth. */
    private Optional<Loaded<OffendingHistory>> find(NewDisposal posted) {
        if (!posted.pncKeys().isEmpty()) {
            List<Loaded<OffendingHistory>> byPnc = linked(PNC_KEYS, posted.pncKeys());
            if (!byPnc.isEmpty()) {
                return Optional.of(byPnc.get(0)); // one PNC ID is one person (recorded once: the first found)
            }
        }
        Optional<Loaded<OffendingHistory>> byPseudonym = byPseudonym(posted.personPseudonym());
        if (byPseudonym.isPresent()) {
            return byPseudonym; // name, date of birth and postcode all alike: referrals' one person, even with another PNC ID
        }
        for (String earlier : posted.previousPseudonyms()) {
            Optional<Loaded<OffendingHistory>> found = histories.find(earlier);
            if (found.isPresent()) {
                return found;
            }
        }
        if (posted.personKeys().isEmpty()) {
            return Optional.empty();
        }
        // from another postcode: the one person of this name and date of birth, unless the PNC IDs say two people
        List<Loaded<OffendingHistory>> byName = linked(PERSON_KEYS, posted.personKeys()).stream()
                .filter(l -> posted.pncKeys().isEmpty() || l.state().pncKeys().isEmpty()).toList();
        return byName.size() == 1 ? Optional.of(byName.get(0)) : Optional.empty();
    }

    private Optional<Loaded<OffendingHistory>> byPseudonym(String pseudonym) {
        Optional<Loaded<OffendingHistory>> current = histories.find(pseudonym);
        if (current.isPresent()) {
            return current;
        }
        List<Loaded<OffendingHistory>> aliased = linked(PSEUDONYMS, List.of(pseudonym));
        return aliased.isEmpty() ? Optional.empty() : Optional.of(aliased.get(0));
    }

    /** The histories (at most a few) whose {@code field} holds any of {@code keys}, by its index. */
    private List<Loaded<OffendingHistory>> linked(String field, List<String> keys) {
        List<String> ids = new ArrayList<>();
        mongo.getCollection(histories.collection()).find(Filters.in(field, keys)).projection(new Document("_id", 1))
                .limit(3).forEach(doc -> ids.add(doc.getString("_id")));
        return ids.stream().sorted().map(histories::find).flatMap(Optional::stream).toList();
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

    /** The person's history under this pseudonym, or the one that knows them by it (posted from another postcode). */
    public Optional<OffendingHistory> history(String pseudonym) {
        return byPseudonym(pseudonym).map(Loaded::state);
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
