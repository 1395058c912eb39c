package org.saferkent.referrals.dataprotection;

import java.time.Instant;
import java.util.List;

/**
 * The record of one erasure request carried out (kept for accountability, no personal data): which
 * pseudonyms were shredded, how many data keys were destroyed, when.
 */
public record Erasure(String id, String subjectPseudonym, List<String> pseudonyms, long keysDestroyed, Instant erasedAt) {

    /**
     * What the erasure announces to the services holding copies: the subject by its current pseudonym,
     * every other pseudonym it had as a former one. Made here, from the record, so that what is
     * published (and what the contract tests verify) is exactly what was shredded.
     */
    public SubjectErased announcement() {
        return new SubjectErased(id, subjectPseudonym, pseudonyms.stream().filter(p -> !p.equals(subjectPseudonym)).toList(),
                erasedAt);
    }
}
