package org.saferkent.platform.outbox;

import org.saferkent.platform.events.EventType;

@EventType("outboxtest.CaseFileNoted.v1")
record CaseFileNoted(String caseFileId, int sequence) {
}
