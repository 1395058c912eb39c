package org.saferkent.platform.embeddedstore;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

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
 *
 * <p>The store overwrites a chunk of the file as soon as nothing live is left in it (retention time 0,
 * see {@link EmbeddedBackends}), instead of keeping every chunk for H2's default 45 seconds. A killed
 * process needs nothing more: a commit has handed its chunk to the operating system before the space of a
 * chunk it made dead is reused. A power loss also needs the chunk that made another one dead to be on the
 * disk before that one is overwritten, or the file could be left pointing into overwritten space: so the
 * versions since the last forced write stay pinned ({@link MVStore#registerVersionUsage()}), and no chunk
 * that died after that point is reused until the file has been forced again - at every commit with
 * {@code fsync}, otherwise once every {@link #SYNC_INTERVAL_MS} in the background.
 */
final class GroupCommit implements AutoCloseable {

    /** Without {@code fsync}: how often the file is forced to the disk, releasing the chunks it made dead. */
    static final long SYNC_INTERVAL_MS = 250;

    private final MVStore store;
    private final boolean fsync;
    private final Object lock = new Object();
    private long tickets;
    private long durable;
    private boolean committing;
    private long commits;
    /** Keeps every version since the last forced write, so no chunk they made dead is reused before it. */
    private MVStore.TxCounter unsynced;
    private final ScheduledExecutorService syncer;

    GroupCommit(MVStore store, boolean fsync) {
        this.store = store;
        this.fsync = fsync;
        this.unsynced = store.registerVersionUsage();
        if (fsync) {
            syncer = null;
        } else {
            syncer = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "store-sync");
                thread.setDaemon(true);
                return thread;
            });
            syncer.scheduleWithFixedDelay(this::syncInBackground, SYNC_INTERVAL_MS, SYNC_INTERVAL_MS, TimeUnit.MILLISECONDS);
        }
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
        MVStore.TxCounter pin = fsync ? store.registerVersionUsage() : null;
        boolean synced = false;
        try {
            if (store.commit() < 0) {
                // nothing left to commit: H2's own background commit took these changes, and writes them
                // asynchronously; wait until they are in the file
                store.executeFilestoreOperation(() -> { });
            }
            if (fsync) {
                store.sync();
                synced = true;
            }
        } finally {
            if (synced) {
                released(pin);
            } else if (pin != null) {
                store.deregisterVersionUsage(pin);
            }
        }
    }

    /** Forces the file to the disk, then lets H2 reuse the chunks made dead before it. */
    private void syncInBackground() {
        try {
            if (store.isClosed()) {
                return;
            }
            MVStore.TxCounter pin = store.registerVersionUsage();
            store.executeFilestoreOperation(() -> { }); // every chunk already committed is in the file
            store.sync();
            released(pin);
        } catch (RuntimeException e) {
            // the store closed under it, or the disk failed: the next commit reports it to its writer
        }
    }

    /** Replaces the pin of the previous forced write with {@code pin}, taken before this one. */
    private void released(MVStore.TxCounter pin) {
        MVStore.TxCounter previous;
        synchronized (lock) {
            previous = unsynced;
            unsynced = pin;
        }
        store.deregisterVersionUsage(previous);
    }

    /** Stops the background sync and releases the pin: call before closing the store. */
    @Override
    public void close() {
        if (syncer != null) {
            syncer.shutdown();
            try {
                syncer.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        released(null);
    }

    long commits() {
        synchronized (lock) {
            return commits;
        }
    }
}
