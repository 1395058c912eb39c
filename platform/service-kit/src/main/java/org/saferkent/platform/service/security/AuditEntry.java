package org.saferkent.platform.service.security;

import java.time.Instant;

/**
 * One line of the append-only audit trail: who (client, subject, agency), did what to which record,
 * when, why, and whether it was allowed. Never personal data: records are named by their ids.
 *
 * @param action   {@code read-personal-data}, {@code request} for a refused request, or an operator's action on the
 *                 running service ({@code pause-binding}, {@code resume-binding}, ...)
 * @param resource what kind of record ({@code referral-subject}, {@code victim-details}) or the request's method and path
 * @param purpose  why it was asked for ({@code X-Access-Purpose}: {@code claim-check}, {@code case-work}, ...)
 * @param outcome  {@code allowed} or {@code denied}
 * @param reason   for a denial: {@code unauthenticated} or {@code forbidden}; for a read: {@code found} or {@code not-held};
 *                 for an operator's action, what came of it ({@code paused}, {@code resumed}, ...)
 * @param id       {@code <chain>:<seq>}: the entry's place, which the store's unique id lets only one entry hold
 * @param chain    the hash chain the entry is on (the service's name unless configured: {@link AuditChain})
 * @param seq      its place on that chain, from 1, unique per chain
 * @param prev     the {@code hash} of entry {@code seq - 1} on the chain; {@code null} for the first
 * @param hash     SHA-256 (hex) over the entry's fields and {@code prev} ({@link AuditChain#hashOf})
 */
public record AuditEntry(String id, Instant at, String service, String clientId, String subject, String agency,
        String action, String resource, String recordId, String purpose, String outcome, String reason,
        String chain, Long seq, String prev, String hash) {

    /** The same entry with its hash set. */
    AuditEntry withHash(String hash) {
        return new AuditEntry(id, at, service, clientId, subject, agency, action, resource, recordId, purpose, outcome,
                reason, chain, seq, prev, hash);
    }
}
