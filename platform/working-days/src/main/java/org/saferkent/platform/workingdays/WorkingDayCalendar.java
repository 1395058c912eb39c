package org.saferkent.platform.workingdays;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The working-day calendar behind every statutory clock in SaferKent.
 *
 * <p>The Code of Practice for Victims of Crime in England and Wales (Victims' Code, 2020) sets its
 * time limits in working days ("within 2 working days", "1 working day" for victims entitled to
 * enhanced rights), as do the partnership's referral clocks. A working day is a day that is neither
 * a Saturday, a Sunday nor an England &amp; Wales bank holiday.
 *
 * <p>Bank holidays are data first: days proclaimed one-off (jubilees, a state funeral, a coronation)
 * and moved May days cannot be computed, so for the years from the earliest to the latest year of any
 * listed date the calendar is the bundled gov.uk list ({@link #englandAndWales()}) plus whatever the
 * operator adds ({@link #withHolidaysFrom(Reader)}), and nothing else. For a year outside the list it
 * answers from the standing rules ({@link EnglandAndWalesRules}), so no deadline is ever refused, and
 * tells its {@link ComputedHolidaysListener} once per year (the service raises an ops alert, so that
 * someone adds the year's list: see {@link #withComputedHolidaysListener}).
 *
 * <p>Instances are immutable and safe to share between threads; the {@code with...} methods return
 * new calendars.
 */
public final class WorkingDayCalendar {

    /** The zone whose calendar day counts: England &amp; Wales (GMT in winter, BST in summer). */
    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    static final String BUNDLED_RESOURCE = "bank-holidays-england-and-wales.csv";
    static final String UNNAMED_HOLIDAY = "Additional non-working day";

    private static final Log log = LogFactory.getLog(WorkingDayCalendar.class);
    private static final ComputedHolidaysListener NOBODY = (year, first, last) -> { };
    /** Rules are the same for every calendar: each year's computed once per JVM. */
    private static final ConcurrentHashMap<Integer, NavigableMap<LocalDate, String>> RULED = new ConcurrentHashMap<>();

    private final NavigableMap<LocalDate, String> holidays;
    private final int firstCoveredYear;
    private final int lastCoveredYear;
    private final ZoneId zone;
    private final ComputedHolidaysListener listener;
    private final Set<Integer> reportedYears = ConcurrentHashMap.newKeySet();

    private WorkingDayCalendar(NavigableMap<LocalDate, String> holidays, ZoneId zone, ComputedHolidaysListener listener) {
        if (holidays.isEmpty()) {
            throw new IllegalArgumentException("a working-day calendar needs at least one listed holiday");
        }
        this.holidays = Collections.unmodifiableNavigableMap(holidays);
        this.firstCoveredYear = holidays.firstKey().getYear();
        this.lastCoveredYear = holidays.lastKey().getYear();
        this.zone = zone;
        this.listener = listener;
    }

    /** England &amp; Wales bank holidays as bundled with this module (loaded once, then shared). */
    public static WorkingDayCalendar englandAndWales() {
        return Bundled.CALENDAR;
    }

    /**
     * A calendar from a holiday list: CSV with columns {@code date,title,basis} (header optional,
     * {@code title} and {@code basis} optional). The caller closes the reader.
     *
     * @throws IllegalArgumentException naming the line, when the list is malformed or empty
     */
    public static WorkingDayCalendar fromCsv(Reader csv) {
        return new WorkingDayCalendar(merge(new TreeMap<>(), HolidayCsv.read(csv)), LONDON, NOBODY);
    }

    /**
     * This calendar plus the days in an operator's list (same columns as {@link #fromCsv(Reader)}),
     * e.g. a bank holiday proclaimed after this module was released, or the next year's holidays.
     * Extra days in later years extend the covered range. The caller closes the reader.
     *
     * @throws IllegalArgumentException naming the line, when the list is malformed
     */
    public WorkingDayCalendar withHolidaysFrom(Reader csv) {
        return new WorkingDayCalendar(merge(new TreeMap<>(holidays), HolidayCsv.read(csv)), zone, listener);
    }

    /** This calendar plus the given non-working days (named "Additional non-working day" unless already listed). */
    public WorkingDayCalendar withHolidays(Collection<LocalDate> dates) {
        List<HolidayCsv.Entry> entries = dates.stream().map(date -> new HolidayCsv.Entry(date, null)).toList();
        return new WorkingDayCalendar(merge(new TreeMap<>(holidays), entries), zone, listener);
    }

    /** This calendar, with its days counted in another zone (the default is {@link #LONDON}). */
    public WorkingDayCalendar withZone(ZoneId zone) {
        return new WorkingDayCalendar(new TreeMap<>(holidays), Objects.requireNonNull(zone, "zone"), listener);
    }

    /**
     * This calendar, telling {@code listener} the first time it answers for each year outside its list
     * (from the rules). The returned calendar reports each year once, whichever of its methods asked.
     */
    public WorkingDayCalendar withComputedHolidaysListener(ComputedHolidaysListener listener) {
        return new WorkingDayCalendar(new TreeMap<>(holidays), zone, Objects.requireNonNull(listener, "listener"));
    }

    /** Whether {@code year} is answered from the list (true) or from the standing rules (false). */
    public boolean isListedYear(int year) {
        return year >= firstCoveredYear && year <= lastCoveredYear;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The earliest year the list covers (earlier years are answered from the rules). */
    public int firstCoveredYear() {
        return firstCoveredYear;
    }

    /** The latest year the list covers: the latest year of any listed date (later years: the rules). */
    public int lastCoveredYear() {
        return lastCoveredYear;
    }

    /**
     * Whether {@code date} is a bank holiday: listed (or an operator's extra non-working day) in a listed
     * year, by the rules in any other.
     */
    public boolean isBankHoliday(LocalDate date) {
        return holiday(date) != null;
    }

    /** The holiday's title, if {@code date} is a bank holiday. */
    public Optional<String> holidayName(LocalDate date) {
        return Optional.ofNullable(holiday(date));
    }

    /** Whether {@code date} is a working day: not a Saturday, Sunday or bank holiday. */
    public boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = Objects.requireNonNull(date, "date").getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && holiday(date) == null;
    }

    /**
     * The date that is {@code days} working days after {@code start}: "within 2 working days" of a
     * Thursday is the following Monday. {@code start} itself never counts, working day or not. With
     * {@code days == 0} the answer is {@code start} when it is a working day, else the next one.
     *
     * @throws IllegalArgumentException when {@code days} is negative
     */
    public LocalDate addWorkingDays(LocalDate start, int days) {
        Objects.requireNonNull(start, "start");
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative, was " + days);
        }
        LocalDate date = start;
        if (days == 0) {
            while (!isWorkingDay(date)) {
                date = date.plusDays(1);
            }
            return date;
        }
        for (int remaining = days; remaining > 0; ) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                remaining--;
            }
        }
        return date;
    }

    /**
     * The working days after {@code from} up to and including {@code to}; 0 when {@code to} is not
     * after {@code from}. So {@code addWorkingDays(from, workingDaysBetween(from, to))} is never after {@code to}.
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        if (!Objects.requireNonNull(to, "to").isAfter(from)) {
            return 0;
        }
        int count = 0;
        for (LocalDate date = from.plusDays(1); !date.isAfter(to); date = date.plusDays(1)) {
            if (isWorkingDay(date)) {
                count++;
            }
        }
        return count;
    }

    /**
     * The deadline {@code workingDays} working days after the moment {@code from}: the end of the
     * Nth working day after the calendar day (in {@link #zone()}, London by default) on which
     * {@code from} falls. The result is the first instant of the following day, so a deadline is
     * <em>met if done before this instant</em>. A referral received on Thursday 24 December 2026 with
     * 2 working days is due before midnight (London) at the end of Wednesday 30 December 2026.
     */
    public Instant deadline(Instant from, int workingDays) {
        LocalDate day = LocalDate.ofInstant(Objects.requireNonNull(from, "from"), zone);
        return addWorkingDays(day, workingDays).plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** The day's holiday title or null: from the list in a listed year, else from the rules (reported once a year). */
    private String holiday(LocalDate date) {
        int year = Objects.requireNonNull(date, "date").getYear();
        if (isListedYear(year)) {
            return holidays.get(date);
        }
        if (reportedYears.add(year)) {
            try {
                listener.runningOnComputedHolidays(year, firstCoveredYear, lastCoveredYear);
            } catch (RuntimeException e) {
                log.warn("Could not report that bank holidays for " + year + " are computed from the rules: " + e);
            }
        }
        return RULED.computeIfAbsent(year, EnglandAndWalesRules::holidays).get(date);
    }

    /** Adds entries; a title given replaces the listed one, an untitled day keeps any title it has. */
    private static NavigableMap<LocalDate, String> merge(NavigableMap<LocalDate, String> into,
            Collection<HolidayCsv.Entry> entries) {
        for (HolidayCsv.Entry entry : entries) {
            LocalDate date = Objects.requireNonNull(entry.date(), "date");
            if (entry.title() != null) {
                into.put(date, entry.title());
            } else {
                into.putIfAbsent(date, UNNAMED_HOLIDAY);
            }
        }
        return into;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WorkingDayCalendar that && holidays.equals(that.holidays) && zone.equals(that.zone);
    }

    @Override
    public int hashCode() {
        return Objects.hash(holidays, zone);
    }

    @Override
    public String toString() {
        return "WorkingDayCalendar[" + firstCoveredYear + "-" + lastCoveredYear + ", " + holidays.size()
                + " holidays, " + zone + "]";
    }

    /** Holder: the bundled list is read on first use, once. */
    private static final class Bundled {
        static final WorkingDayCalendar CALENDAR = load();

        private static WorkingDayCalendar load() {
            InputStream in = WorkingDayCalendar.class.getResourceAsStream(BUNDLED_RESOURCE);
            if (in == null) {
                throw new IllegalStateException("bundled resource " + BUNDLED_RESOURCE + " is missing");
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                return fromCsv(reader);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
