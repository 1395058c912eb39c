package org.saferkent.simulator;

import java.io.PrintStream;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A live progress line for long work: done / total, rate, errors by kind, time left. On a terminal
 * ({@code System.console() != null}) it is redrawn in place twice a second; otherwise (a log, CI) it is
 * printed as a plain line every ten seconds. Errors are counted by kind ({@link #httpKind}, {@link #failureKind}),
 * never printed one per line: the first {@value #EXAMPLES} of each kind are kept and {@link #close()} prints
 * them under the last line. Thread-safe: senders call {@link #done} as answers come.
 */
public final class Progress implements AutoCloseable {

    /** Examples kept of each kind of error. */
    static final int EXAMPLES = 3;

    public static final String TIMED_OUT = "timed out";
    public static final String REFUSED = "connection refused";

    private final String label;
    private final long total;
    private final PrintStream out;
    private final boolean terminal;
    private final LongSupplier nanos;
    private final long started;
    private final AtomicLong done = new AtomicLong();
    /** kind → count, and the kind's first examples (in the order the kinds first occurred) */
    private final Map<String, long[]> errors = new LinkedHashMap<>();
    private final Map<String, List<String>> examples = new LinkedHashMap<>();
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

    /**
     * Progress on standard output: redrawn in place on a terminal, a plain line every 10 s otherwise.
     *
     * @param total how many pieces of work; 0 when not known (no percentage, no time left)
     */
    public static Progress start(String label, long total) {
        boolean terminal = System.console() != null;
        return new Progress(label, total, System.out, terminal, System::nanoTime,
                terminal ? Duration.ofMillis(500) : Duration.ofSeconds(10));
    }

    /** One piece of work answered: {@code errorKind} null when it succeeded. */
    public void done(String errorKind) {
        done(errorKind, null);
    }

    /**
     * One piece of work answered: {@code errorKind} null when it succeeded; otherwise {@code example} (asked
     * only while fewer than {@value #EXAMPLES} of that kind are kept) says what happened, for the summary.
     */
    public void done(String errorKind, Supplier<String> example) {
        if (errorKind != null) {
            synchronized (errors) {
                long[] count = errors.computeIfAbsent(errorKind, k -> new long[1]);
                count[0]++;
                if (count[0] <= EXAMPLES && example != null) {
                    examples.computeIfAbsent(errorKind, k -> new ArrayList<>()).add(example.get());
                }
            }
        }
        done.incrementAndGet();
    }

    /** How many answered with each kind of error so far. */
    public Map<String, Long> errors() {
        Map<String, Long> counts = new LinkedHashMap<>();
        synchronized (errors) {
            errors.forEach((kind, count) -> counts.put(kind, count[0]));
        }
        return counts;
    }

    /**
     * e.g. {@code Posting: 1,234 / 20,000 (6.2%) · 45.3/s · errors: 12 timed out, 3 HTTP 5xx · about 7 min left}; without
     * a total, {@code Rebuild: 1,234 · 45.3/s · 27 s so far}.
     */
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
                errors.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]))
                        .forEach(e -> line.append(String.format(Locale.UK, "%,d %s, ", e.getValue()[0], e.getKey())));
                line.setLength(line.length() - 2);
            }
        }
        if (total > 0 && count < total) {
            line.append(count == 0 || rate <= 0 ? " · time left unknown" : " · about " + human((total - count) / rate) + " left");
        } else if (total > 0) {
            line.append(" · done in ").append(human(seconds));
        } else {
            line.append(" · ").append(human(seconds)).append(" so far");
        }
        return line.toString();
    }

    /** The first examples of each kind of error, one indented line each; empty when nothing failed. */
    List<String> examples() {
        List<String> lines = new ArrayList<>();
        synchronized (errors) {
            errors.forEach((kind, count) -> {
                List<String> kept = examples.getOrDefault(kind, List.of());
                if (kept.isEmpty()) {
                    return;
                }
                lines.add(String.format(Locale.UK, "  %s (%,d), first %s:", kind, count[0], kept.size() == 1 ? "one" : kept.size()));
                kept.forEach(example -> lines.add("    " + example));
            });
        }
        return lines;
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

    /** Stops the ticker, prints the last line and the errors' first examples. */
    @Override
    public synchronized void close() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
        print();
        if (terminal) {
            out.println();
        }
        examples().forEach(out::println);
        out.flush();
    }

    /**
     * An HTTP answer as a kind of error: null for 1xx–3xx; {@code HTTP 404} (a client error, by status: each
     * says something different); {@code HTTP 5xx} (the service failed, whichever way; the examples keep the status).
     */
    public static String httpKind(int status) {
        if (status < 400) {
            return null;
        }
        return status >= 500 ? "HTTP 5xx" : "HTTP " + status;
    }

    /**
     * A request that got no answer, as a kind of error: {@value #TIMED_OUT} (no answer in time),
     * {@value #REFUSED} (nothing listening, or the host unknown), or the failure's type.
     */
    public static String failureKind(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException
                    || cause.getClass().getSimpleName().endsWith("TimeoutException")) {
                return TIMED_OUT;
            }
            if (cause instanceof ConnectException || cause instanceof UnresolvedAddressException) {
                return REFUSED;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
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
