package org.saferkent.rj.rjcase.domain;

import java.time.Instant;
import java.util.List;

import org.saferkent.platform.events.EventType;

/**
 * A restorative justice case was opened, from a routed referral, a victim's opt-in or a Youth
 * Offending Service referral. No personal data.
 *
 * @param source      {@code referral}, {@code victim-case} or {@code yos}
 * @param referralId  the referral it came from, if any
 * @param sensitive   the case needs particular care (a manager's approval before direct contact)
 */
@EventType("rj.RjCaseOpened.v1")
public record RjCaseOpened(String caseId, String source, String referralId, String victimCaseId, String district,
        String category, List<String> flags, boolean sensitive, Instant openedAt) {
}
