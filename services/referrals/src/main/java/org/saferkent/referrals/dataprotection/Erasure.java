package org.saferkent.referrals.dataprotection;

import java.time.Instant;
import java.util.List;

/**
 * The record of one erasure request carried out (kept for accountability, no personal data of the subject): which
 * pseudonyms were shredded, how many data keys were destroyed, when, who erased and under which request.
 *
 * @param erasedBy         who erased: the person signed in (their name at the identity server, as the audit trail
 *                         names them), or the client when the call came with client credentials
 * @param requestReference the data subject's request it carried out (the data protection officer's own reference,
 *                         e.g. {@code DSR-2026-0042}: letters, digits, {@code -} and {@code /} only)
 */
public record Erasure(String id, String subjectPseudonym, List<String> pseudonyms, long keysDestroyed, Instant erasedAt,
        String erasedBy, String requestReference) {

    /**
     * What the erasure announces to the services holding copies: the subject by its current pseudonym,
     * every other pseudonym it had as a former one. Made here, from the record, so that what is
     * published (and what the contract tests verify) is exactly what was shredded. Who erased and the request's
     * reference stay in referrals (the record and the audit trail): the other services need neither.
     */
    public SubjectErased announcement() {
        return new SubjectErased(id, subjectPseudonym, pseudonyms.stream().filter(p -> !p.equals(subjectPseudonym)).toList(),
                erasedAt);
    }
}
