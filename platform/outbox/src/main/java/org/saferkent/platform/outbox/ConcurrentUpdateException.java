package org.saferkent.platform.outbox;

/** Someone else changed the aggregate since it was read: reload and decide again. */
public class ConcurrentUpdateException extends RuntimeException {

    public ConcurrentUpdateException(String collection, String id, long expectedVersion) {
        super(collection + "/" + id + " is no longer at version " + expectedVersion);
    }
}
