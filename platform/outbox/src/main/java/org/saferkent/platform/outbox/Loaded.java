package org.saferkent.platform.outbox;

/** An aggregate's state as read, with the version its next write must expect. */
public record Loaded<S>(S state, long version) {
}
