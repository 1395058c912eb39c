package org.saferkent.referrals.dataprotection;

import java.time.Instant;
import java.util.List;

/**
 * The record of one erasure request carried out (kept for accountability, no personal data): which
 * pseudonyms were shredded, how many data keys were destroyed, when.
 */
public record Erasure(String id, String subjectPseudonym, List<String> pseudonyms, long keysDestroyed, Instant erasedAt) {
}
