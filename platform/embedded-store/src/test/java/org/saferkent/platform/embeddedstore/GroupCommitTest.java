package org.saferkent.platform.embeddedstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A commit holds whole writes only: one asked for while a write is half done (its document in, its index entry not
 * yet) waits for the write, so the file as that commit left it, which is what a killed process leaves, never holds
 * the one without the other.
 */
class GroupCommitTest {

    @TempDir
    Path dir;

    @Test
    void aCommitAskedForInTheMiddleOfAWriteWaitsForItAndTheFileHoldsTheWriteWhole() throws Exception {
        Path file = dir.resolve("store.mv.db");
        MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().autoCommitBufferSize(0).open();
        ReentrantReadWriteLock writing = new ReentrantReadWriteLock();
        GroupCommit commits = new GroupCommit(store, false, writing.writeLock(), 0);
        MVMap<String, String> documents = store.openMap("documents");
        MVMap<String, String> entries = store.openMap("entries");
        store.commit();
        CountDownLatch halfDone = new CountDownLatch(1);
        CountDownLatch goOn = new CountDownLatch(1);
        try {
            // a write command: the document first, then its index entry, holding the lock shared as the store's commands do
            CompletableFuture<Void> write = CompletableFuture.runAsync(() -> {
                writing.readLock().lock();
                try {
                    documents.put("r1", "{district: dover}");
                    halfDone.countDown();
                    waitFor(goOn);
                    entries.put("dover|r1", "r1");
                } finally {
                    writing.readLock().unlock();
                }
            });
            assertThat(halfDone.await(30, TimeUnit.SECONDS)).isTrue();

            // another writer's acknowledgement asks for a commit now
            CompletableFuture<Void> commit = CompletableFuture.runAsync(commits::awaitDurable);
            await().atMost(Duration.ofSeconds(30)).until(() -> commit.isDone() || writing.hasQueuedThreads());
            Path image = dir.resolve("image-" + (commit.isDone() ? "committed-mid-write" : "while-waiting") + ".mv.db");
            if (commit.isDone()) { // the commit did not wait: the file is what a kill at this moment would leave
                Files.copy(file, image);
            }
            goOn.countDown();
            write.get(30, TimeUnit.SECONDS);
            commit.get(30, TimeUnit.SECONDS);
            if (!Files.exists(image)) {
                Files.copy(file, image); // the file as the commit left it, before any other
            }

            MVStore killed = new MVStore.Builder().fileName(image.toString()).readOnly().open();
            try {
                MVMap<String, String> storedDocuments = killed.openMap("documents");
                MVMap<String, String> storedEntries = killed.openMap("entries");
                assertThat(storedDocuments.containsKey("r1")).as("the document, in the file the commit left").isTrue();
                assertThat(storedEntries.containsKey("dover|r1")).as("its index entry, in the same file").isTrue();
            } finally {
                killed.close();
            }
        } finally {
            goOn.countDown();
            commits.close();
            store.close();
        }
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never told to go on");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
