package org.saferkent.referrals.dataprotection;

import java.time.Instant;
import java.util.List;

import org.saferkent.platform.events.EventType;

/**
 * A subject's personal data was erased on request: every service holding a copy shreds its own. Names the
 * subject only by pseudonym (the current one, and any it had under earlier partnership secrets). No
 * personal data.
 */
@EventType("referrals.SubjectErased.v1")
public record SubjectErased(String erasureId, String subjectPseudonym, List<String> formerPseudonyms, Instant erasedAt) {
}
