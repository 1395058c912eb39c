package org.saferkent.platform.service.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Bounds what unauthenticated refusals cost the audit trail. In each window (a minute by default) an
 * address's first {@code perAddress} refusals, and at most {@code perWindow} in all, are recorded one by
 * one; the rest are only counted, and the count is put on the trail as one entry when the next window
 * opens, or by {@link #flush} once the window is over when no refusal follows. The addresses are held in memory for the window only (at most {@value #MAX_ADDRESSES}; beyond
 * that a new address is counted, not recorded) and never written anywhere.
 */
public final class DenialThrottle {

    static final int MAX_ADDRESSES = 10_000;

    /**
     * @param record            whether to record this refusal one by one
     * @param notRecordedBefore refusals only counted in the window that ended ({@code > 0} once, with the first
     *                          refusal of the next window): to be recorded as one entry
     * @param windowStarted     when that window started
     */
    public record Verdict(boolean record, long notRecordedBefore, Instant windowStarted) {
    }

    private final int perAddress;
    private final int perWindow;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Integer> counts = new HashMap<>();
    private Instant windowStart;
    private int recorded;
    private long notRecorded;

    public DenialThrottle(int perAddress, int perWindow, Duration window, Clock clock) {
        this.perAddress = perAddress;
        this.perWindow = perWindow;
        this.window = window;
        this.clock = clock;
    }

    /** One more refusal from {@code address}: record it, or count it. */
    public synchronized Verdict admit(String address) {
        Instant now = clock.instant();
        long ended = 0;
        Instant endedStart = null;
        if (windowStart == null || !now.isBefore(windowStart.plus(window))) {
            ended = notRecorded;
            endedStart = windowStart;
            windowStart = now;
            counts.clear();
            recorded = 0;
            notRecorded = 0;
        }
        String key = address == null ? "" : address;
        Integer seen = counts.get(key);
        int count = seen == null ? (counts.size() < MAX_ADDRESSES ? 1 : Integer.MAX_VALUE) : seen + 1;
        if (seen != null || count == 1) {
            counts.put(key, count);
        }
        boolean record = count <= perAddress && recorded < perWindow;
        if (record) {
            recorded++;
        } else {
            notRecorded++;
        }
        return new Verdict(record, ended, endedStart);
    }

    /**
     * The refusals only counted in a window that is over, handed out once (the next {@link #admit} opens a new
     * window); {@code null} while the window runs or when nothing was only counted. Called periodically, so
     * that a burst followed by silence still has its count on the trail.
     */
    public synchronized Verdict flush() {
        if (windowStart == null || notRecorded == 0 || clock.instant().isBefore(windowStart.plus(window))) {
            return null;
        }
        Verdict ended = new Verdict(false, notRecorded, windowStart);
        windowStart = null;
        counts.clear();
        recorded = 0;
        notRecorded = 0;
        return ended;
    }
}
