package org.saferkent.platform.outbox;

/** A test aggregate. */
record CaseFile(String id, String district, String note) {
}
