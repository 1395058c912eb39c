package org.saferkent.benchmark;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Follows a log file while something long runs elsewhere (commissioning's rebuild answers only when it is
 * done) and hands on the lines that say how far it is: the text from {@code marker} on, without the
 * log's time, level and logger. Reads only what is appended after it starts; a file that rolled over is
 * read again from its start. Stops on {@link #close()}, after one last read.
 */
final class LogFollower implements AutoCloseable {

    private final Path file;
    private final String marker;
    private final Consumer<String> out;
    private final Thread thread;
    private volatile boolean following = true;
    private long offset;

    LogFollower(Path file, String marker, Consumer<String> out) {
        this.file = file;
        this.marker = marker;
        this.out = out;
        this.offset = size();
        this.thread = new Thread(this::follow, "log-follower");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** The part of a log line worth showing, if it has the marker. */
    static Optional<String> shown(String logLine, String marker) {
        int at = logLine.indexOf(marker);
        return at < 0 ? Optional.empty() : Optional.of(logLine.substring(at).strip());
    }

    private void follow() {
        while (following) {
            readNew();
            try {
                Thread.sleep(1000); // following a file another process writes
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Reads the whole lines appended since the last read (a line still being written waits for the next). */
    private synchronized void readNew() {
        long size = size();
        if (size < offset) {
            offset = 0; // rolled over
        }
        if (size == offset) {
            return;
        }
        try (RandomAccessFile reader = new RandomAccessFile(file.toFile(), "r")) {
            reader.seek(offset);
            byte[] bytes = new byte[(int) Math.min(size - offset, 8 * 1024 * 1024)];
            reader.readFully(bytes);
            int whole = bytes.length;
            while (whole > 0 && bytes[whole - 1] != '\n') {
                whole--;
            }
            if (whole == 0) {
                return;
            }
            offset += whole;
            new String(bytes, 0, whole, StandardCharsets.UTF_8).lines().forEach(line -> shown(line, marker).ifPresent(out));
        } catch (IOException e) {
            // not there yet, or rolling over: the next read tries again
        }
    }

    private long size() {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public void close() throws InterruptedException {
        following = false;
        thread.interrupt();
        thread.join();
        readNew();
    }
}
