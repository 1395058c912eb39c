package org.saferkent.rj.dataprotection;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.saferkent.platform.events.InvalidEventException;

/** What restorative justice reads of {@code referrals.SubjectErased.v1}: its own tolerant reading, not the producer's class. */
public record SubjectErasure(String erasureId, String subjectPseudonym, List<String> formerPseudonyms, Instant erasedAt) {

    public SubjectErasure {
        if (erasureId == null || erasureId.isBlank()) {
            throw new InvalidEventException("missing field 'erasureId'");
        }
        if (subjectPseudonym == null || subjectPseudonym.isBlank()) {
            throw new InvalidEventException("missing field 'subjectPseudonym'");
        }
        if (erasedAt == null) {
            throw new InvalidEventException("missing field 'erasedAt'");
        }
        formerPseudonyms = formerPseudonyms == null ? List.of() : List.copyOf(formerPseudonyms);
        if (formerPseudonyms.stream().anyMatch(p -> p == null || p.isBlank())) {
            throw new InvalidEventException("blank entry in 'formerPseudonyms'");
        }
    }

    /** Every pseudonym the person has had, the current one first. */
    public List<String> pseudonyms() {
        Set<String> all = new LinkedHashSet<>();
        all.add(subjectPseudonym);
        all.addAll(formerPseudonyms);
        return List.copyOf(all);
    }

    @Override
    public String toString() {
        return "SubjectErasure[" + erasureId + "]";
    }
}
