package org.saferkent.platform.outbox;

import org.saferkent.platform.events.EventType;

@EventType("outboxtest.CaseFileOpened.v1")
record CaseFileOpened(String caseFileId, String district) {
}
