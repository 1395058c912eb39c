package org.saferkent.simulator;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A live progress line for long work: done / total, rate, errors by kind, time left. On a terminal it
 * is redrawn in place twice a second; otherwise (a log, CI) it is printed as a plain line every ten
 * seconds. {@link #close()} prints the last line. Thread-safe: senders call {@link #done} as answers come.
 */
public final class Progress implements AutoCloseable {

    private final String label;
    private final long total;
    private final PrintStream out;
    private final boolean terminal;
    private final LongSupplier nanos;
    private final long started;
    private final AtomicLong done = new AtomicLong();
    private final Map<String, Long> errors = new TreeMap<>();
    private final ScheduledExecutorService ticker;
    private int lastWidth;

    Progress(String label, long total, PrintStream out, boolean terminal, LongSupplier nanos, Duration every) {
        this.label = label;
        this.total = total;
        this.out = out;
        this.terminal = terminal;
        this.nanos = nanos;
        this.started = nanos.getAsLong();
        if (every == null) {
            ticker = null;
            return;
        }
        ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "progress");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleAtFixedRate(this::print, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Progress on standard output: redrawn in place on a terminal, a plain line every 10 s otherwise. */
    public static Progress start(String label, long total) {
        boolean terminal = System.console() != null;
        return new Progress(label, total, System.out, terminal, System::nanoTime,
                terminal ? Duration.ofMillis(500) : Duration.ofSeconds(10));
    }

    /** One piece of work answered: {@code errorKind} null when it succeeded. */
    public void done(String errorKind) {
        if (errorKind != null) {
            synchronized (errors) {
                errors.merge(errorKind, 1L, Long::sum);
            }
        }
        done.incrementAndGet();
    }

    /** e.g. {@code Posting: 1,234 / 20,000 (6.2%) · 45.3/s · errors: 12 timed out, 3 HTTP 503 · about 7 min left} */
    String line() {
        long now = nanos.getAsLong();
        long count = done.get();
        double seconds = Math.max(1e-9, (now - started) / 1e9);
        double rate = count / seconds;
        StringBuilder line = new StringBuilder(label).append(": ").append(String.format(Locale.UK, "%,d", count));
        if (total > 0) {
            line.append(String.format(Locale.UK, " / %,d (%.1f%%)", total, 100.0 * count / total));
        }
        line.append(String.format(Locale.UK, " · %.1f/s", rate));
        synchronized (errors) {
            if (!errors.isEmpty()) {
                line.append(" · errors: ");
                errors.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                        .forEach(e -> line.append(String.format(Locale.UK, "%,d %s, ", e.getValue(), e.getKey())));
                line.setLength(line.length() - 2);
            }
        }
        if (total > 0 && count < total) {
            line.append(count == 0 || rate <= 0 ? " · time left unknown" : " · about " + human((total - count) / rate) + " left");
        } else if (total > 0) {
            line.append(" · done in ").append(human(seconds));
        }
        return line.toString();
    }

    private synchronized void print() {
        String line = line();
        if (terminal) {
            int pad = Math.max(0, lastWidth - line.length());
            out.print("\r" + line + " ".repeat(pad));
            lastWidth = line.length();
        } else {
            out.println(line);
        }
        out.flush();
    }

    @Override
    public synchronized void close() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
        print();
        if (terminal) {
            out.println();
        }
    }

    static String human(double seconds) {
        if (seconds < 60) {
            return Math.max(1, Math.round(seconds)) + " s";
        }
        if (seconds < 3600) {
            return Math.round(seconds / 60) + " min";
        }
        return String.format(Locale.UK, "%.1f h", seconds / 3600);
    }
}
