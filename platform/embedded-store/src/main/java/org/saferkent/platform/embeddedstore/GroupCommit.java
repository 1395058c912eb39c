package org.saferkent.platform.embeddedstore;

import org.h2.mvstore.MVStore;

/**
 * Makes a write durable before the store answers it, sharing commits between writers (group commit).
 *
 * <p>H2's MVStore keeps changes in memory and writes them to its file on a timer (about once a second),
 * so a killed process lost the last second of writes the store had already acknowledged. Each writer now
 * takes a ticket after its change is in the MVStore and waits until a commit that started after the ticket
 * has finished. One writer commits for everyone waiting (the leader); the others wait for it, so under
 * load one file write covers many acknowledgements.
 *
 * <p>A commit writes the changes to the file: they survive a killed process (the operating system holds
 * them). With {@code fsync} each commit is also forced to the disk, which a power loss needs; that costs a
 * disk flush per group.
 */
final class GroupCommit {

    private final MVStore store;
    private final boolean fsync;
    private final Object lock = new Object();
    private long tickets;
    private long durable;
    private boolean committing;
    private long commits;

    GroupCommit(MVStore store, boolean fsync) {
        this.store = store;
        this.fsync = fsync;
    }

    /** Returns once every change made before this call is in the file. */
    void awaitDurable() {
        long ticket;
        synchronized (lock) {
            ticket = ++tickets;
        }
        while (true) {
            long upTo;
            synchronized (lock) {
                while (committing && durable < ticket) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while waiting for the store's commit", e);
                    }
                }
                if (durable >= ticket) {
                    return;
                }
                committing = true;
                upTo = tickets;
            }
            try {
                commit();
            } finally {
                synchronized (lock) {
                    committing = false;
                    durable = Math.max(durable, upTo);
                    commits++;
                    lock.notifyAll();
                }
            }
        }
    }

    private void commit() {
        if (store.isClosed()) {
            throw new IllegalStateException("the store is closed");
        }
        store.commit();
        if (fsync) {
            store.sync();
        }
    }

    long commits() {
        synchronized (lock) {
            return commits;
        }
    }
}
