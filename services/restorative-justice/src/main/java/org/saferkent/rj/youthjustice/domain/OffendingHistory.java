package org.saferkent.rj.youthjustice.domain;

import org.saferkent.platform.workingdays.Quarter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.saferkent.rj.vocabulary.Codes;

/**
 * One person's disposals, known by pseudonym: the aggregate that decides, consistently however the
 * disposals arrive, which of them made the person a first-time entrant and which quarters' reoffending
 * cohorts they are in.
 *
 * @param id             the person's pseudonym
 * @param firstTimeEntry the disposal that made them a first-time entrant, if one did
 * @param cohortQuarters the quarters whose proven reoffending cohorts they are in
 * @param pseudonyms     the person's other pseudonyms: those of disposals posted from another postcode (or with
 *                       another spelling linked by a PNC ID) and recorded here; never published
 * @param personKeys     the person's link keys (keyed name and date of birth, {@code Pseudonymiser.personKeys}), by
 *                       which a disposal from another postcode finds them; never published
 * @param pncKeys        their keyed Police National Computer IDs ({@code Pseudonymiser.pncKeys}); never published
 * @param claimedPersonKey the link key this history was started under, if it was the first of it (unique in the store:
 *                       of two first sightings of one person posted at once, one starts the history and the other
 *                       joins it); null otherwise and before claims were kept; never published
 * @param claimedPncKey  likewise the keyed PNC ID it was started under
 */
public record OffendingHistory(String id, List<Disposal> disposals, FirstTimeEntry firstTimeEntry,
        List<String> cohortQuarters, Instant updatedAt, List<String> pseudonyms, List<String> personKeys,
        List<String> pncKeys, String claimedPersonKey, String claimedPncKey) {

    /** The new history and the facts it produced. */
    public record Change(OffendingHistory history, List<Object> events) {
        public boolean changed() {
            return !events.isEmpty();
        }
    }

    public OffendingHistory {
        disposals = disposals == null ? List.of() : List.copyOf(disposals);
        cohortQuarters = cohortQuarters == null ? List.of() : List.copyOf(cohortQuarters);
        // histories recorded before the links were kept have none
        pseudonyms = pseudonyms == null ? List.of() : List.copyOf(pseudonyms);
        personKeys = personKeys == null ? List.of() : List.copyOf(personKeys);
        pncKeys = pncKeys == null ? List.of() : List.copyOf(pncKeys);
    }

    public static OffendingHistory none(String pseudonym) {
        return new OffendingHistory(pseudonym, List.of(), null, List.of(), null, List.of(), List.of(), List.of(), null, null);
    }

    /**
     * The history knowing the person also by {@code pseudonym} (if it is not its id), {@code personKey} and
     * {@code pncKey} (either may be null): what a disposal posted with the person's details links to it. Publishes
     * nothing.
     */
    public OffendingHistory linkedTo(String pseudonym, String personKey, String pncKey) {
        return new OffendingHistory(id, disposals, firstTimeEntry, cohortQuarters, updatedAt,
                pseudonym == null || pseudonym.equals(id) ? pseudonyms : with(pseudonyms, pseudonym),
                with(personKeys, personKey), with(pncKeys, pncKey), claimedPersonKey, claimedPncKey);
    }

    /** A new history started as the first of this link key and keyed PNC ID (either may be null: not claimed). */
    public OffendingHistory claiming(String personKey, String pncKey) {
        return new OffendingHistory(id, disposals, firstTimeEntry, cohortQuarters, updatedAt, pseudonyms, personKeys, pncKeys,
                personKey, pncKey);
    }

    /** Whether {@link #linkedTo} with these would change nothing. */
    public boolean isLinkedTo(String pseudonym, String personKey, String pncKey) {
        return (pseudonym == null || pseudonym.equals(id) || pseudonyms.contains(pseudonym))
                && (personKey == null || personKeys.contains(personKey)) && (pncKey == null || pncKeys.contains(pncKey));
    }

    private static List<String> with(List<String> values, String value) {
        if (value == null || values.contains(value)) {
            return values;
        }
        List<String> all = new ArrayList<>(values);
        all.add(value);
        return all;
    }

    /** Records a disposal once (the same disposal again changes nothing). */
    public Change record(Disposal disposal, Instant now) {
        if (find(disposal.id()).isPresent()) {
            return new Change(this, List.of());
        }
        List<Disposal> all = new ArrayList<>(disposals);
        all.add(disposal);
        FirstTimeEntry entry = FirstTimeEntrants.entry(all).orElse(null);
        List<String> quarters = all.stream().filter(d -> d.type().cohortEntry())
                .map(d -> Quarter.of(d.disposalDate())).distinct().sorted().map(Quarter::toString).toList();
        boolean entrant = entry != null && entry.disposalId().equals(disposal.id());
        List<Object> events = new ArrayList<>();
        events.add(new DisposalRecorded(disposal.id(), id, disposal.agency(), disposal.district(), disposal.offenceCategory(),
                disposal.offenceDate(), Codes.of(disposal.type()), disposal.disposalDate(), disposal.ageAtOffence(),
                disposal.ageAtDisposal(), disposal.ageBasis(), FirstTimeEntrants.youth(disposal.ageAtDisposal()), entrant, now));
        if (entrant) {
            String superseded = firstTimeEntry == null || Objects.equals(firstTimeEntry.disposalId(), disposal.id())
                    ? null : firstTimeEntry.disposalId();
            events.add(new FirstTimeEntrantRecorded(id, disposal.id(), entry.district(), entry.quarter(),
                    Codes.of(disposal.type()), disposal.disposalDate(), entry.ageAtDisposal(), superseded, now));
        }
        return new Change(new OffendingHistory(id, all, entry, quarters, now, pseudonyms, personKeys, pncKeys,
                claimedPersonKey, claimedPncKey), events);
    }

    public Optional<Disposal> find(String disposalId) {
        return disposals.stream().filter(d -> d.id().equals(disposalId)).findFirst();
    }

    /** The person as a member of the quarter's reoffending cohort, if they are in it. */
    public Optional<CohortMember> cohortMember(Quarter quarter) {
        return ProvenReoffending.index(disposals, quarter).map(index -> new CohortMember(id, index.district(),
                index.ageAtDisposal(), index.disposalDate(), ProvenReoffending.reoffences(disposals, index).size()));
    }
}
