package org.saferkent.commissioning.performance.application;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.saferkent.commissioning.performance.domain.DayCounts;

/**
 * The day buckets of the cells' windows as this holder last read or wrote them, kept between rounds. A round
 * sums each cell it recomputes from the buckets of its window (the 92 days of its quarter, and the 92 a
 * year before): read from the store every round, that was a few hundred buckets for each district a round
 * touched, whatever had changed, and more with every day of history (at a year stored, most of a round's
 * time). Now a round reads only the days of a window it has not read before, and what it writes replaces
 * what is kept.
 *
 * <p>What is kept is what the store holds only while no one else writes buckets, so it follows
 * {@link HotDays}' rule: dropped when the projection's version changes, when a hold follows another
 * holder's ({@link ProjectionLease.Hold#followsOwn()}), and when a round fails (the refresh clears it).
 * Past {@value #CAPACITY} district-days all is dropped (a district's two years are about 730).
 */
final class BucketWindows {

    /** District-days kept at most (estimated at a few hundred bytes each: about 20 MB). */
    static final int CAPACITY = 100_000;

    private final DayBuckets buckets;
    /** Per district, every day read or written, with its counts ({@link DayCounts#NONE} where nothing is stored). */
    private final Map<String, Map<LocalDate, DayCounts>> kept = new HashMap<>();
    private int size;
    private final KeptUnder keptUnder = new KeptUnder();

    BucketWindows(DayBuckets buckets) {
        this.buckets = buckets;
    }

    /** The buckets of {@code district} on {@code days} that hold something (as {@link DayBuckets#read}), a copy the caller may change. */
    synchronized Map<LocalDate, DayCounts> read(int version, ProjectionLease.Hold hold, String district, Collection<LocalDate> days) {
        if (!keptUnder.moveTo(version, hold)) {
            empty();
        }
        List<LocalDate> missing = missing(district, days);
        if (size + missing.size() > CAPACITY) {
            clear();
            missing = List.copyOf(days);
        }
        if (!missing.isEmpty()) {
            Map<LocalDate, DayCounts> read = buckets.read(version, district, missing);
            Map<LocalDate, DayCounts> known = kept.computeIfAbsent(district, d -> new HashMap<>());
            for (LocalDate day : missing) {
                if (known.put(day, read.getOrDefault(day, DayCounts.NONE)) == null) {
                    size++;
                }
            }
        }
        Map<LocalDate, DayCounts> known = kept.get(district);
        Map<LocalDate, DayCounts> window = new HashMap<>();
        for (LocalDate day : days) {
            DayCounts counts = known.get(day);
            if (!counts.isEmpty()) {
                window.put(day, counts);
            }
        }
        return window;
    }

    /** The buckets a round of {@code hold} wrote (each day's whole counts, empty where nothing counts any more). */
    synchronized void wrote(ProjectionLease.Hold hold, Map<String, Map<LocalDate, DayCounts>> counted) {
        if (!keptUnder.under(hold)) {
            return; // read nothing under this hold: what is kept is someone else's to judge
        }
        counted.forEach((district, byDay) -> {
            Map<LocalDate, DayCounts> known = kept.computeIfAbsent(district, d -> new HashMap<>());
            byDay.forEach((day, counts) -> {
                if (known.put(day, counts) == null) {
                    size++;
                }
            });
        });
    }

    /** Forgets every bucket (the next round reads the windows it needs from the store). */
    synchronized void clear() {
        empty();
        keptUnder.forget();
    }

    private void empty() {
        kept.clear();
        size = 0;
    }

    /** For tests: the district-days kept. */
    synchronized int size() {
        return size;
    }

    private List<LocalDate> missing(String district, Collection<LocalDate> days) {
        Map<LocalDate, DayCounts> known = kept.getOrDefault(district, Map.of());
        List<LocalDate> missing = new ArrayList<>();
        for (LocalDate day : days) {
            if (!known.containsKey(day)) {
                missing.add(day);
            }
        }
        return missing;
    }
}
