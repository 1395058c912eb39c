package org.saferkent.partnership.framework.adapter.in.messaging;

import java.time.Instant;

/** What the framework reads of {@code victims.VictimContacted.v1}: only the first contact made counts. */
public record VictimContact(String caseId, String district, Boolean firstContact, Boolean withinTimeLimit, Instant attemptedAt) {
}
