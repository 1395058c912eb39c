package org.saferkent.platform.workingdays;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The bundled CSV itself, read raw: the facts the calendar tests rely on are checked here, not assumed. */
class BundledHolidayDataTest {

    private static List<String> lines() throws IOException {
        try (InputStream in = WorkingDayCalendar.class.getResourceAsStream(WorkingDayCalendar.BUNDLED_RESOURCE)) {
            assertThat(in).as("bundled resource").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    private static Map<LocalDate, String> titlesByDate() throws IOException {
        return lines().stream().skip(1)
                .map(line -> line.split(",", -1))
                .collect(Collectors.toMap(fields -> LocalDate.parse(fields[0]), fields -> fields[1],
                        (a, b) -> a, TreeMap::new));
    }

    @Test
    void everyRowHasAnIsoDateATitleAndABasisUnderTheHeader() throws IOException {
        List<String> lines = lines();

        assertThat(lines.get(0)).isEqualTo("date,title,basis");
        Set<LocalDate> seen = new HashSet<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",", -1);
            assertThat(fields).as(line).hasSize(3);
            LocalDate date = LocalDate.parse(fields[0]);
            assertThat(seen.add(date)).as("listed once: " + date).isTrue();
            assertThat(fields[1]).as(line).isNotBlank();
            assertThat(fields[2]).as(line).isIn("standard rules", "one-off or moved by proclamation");
        }
    }

    @Test
    void everyYearFrom2012To2030HasAtLeastEightBankHolidaysAndNoneFallsAtAWeekend() throws IOException {
        Map<Integer, Long> perYear = titlesByDate().keySet().stream()
                .collect(Collectors.groupingBy(LocalDate::getYear, TreeMap::new, Collectors.counting()));

        assertThat(perYear.keySet()).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(2012, 2030).boxed().toList());
        assertThat(perYear.values()).allMatch(count -> count >= 8);
        assertThat(titlesByDate().keySet()).allMatch(date -> date.getDayOfWeek().getValue() <= 5);
    }

    @Test
    void everyRowParsesIntoTheBundledCalendarWithItsTitle() throws IOException {
        WorkingDayCalendar calendar = WorkingDayCalendar.englandAndWales();

        titlesByDate().forEach((date, title) -> {
            assertThat(calendar.isBankHoliday(date)).as(date.toString()).isTrue();
            assertThat(calendar.holidayName(date)).contains(title);
        });
        assertThat(calendar.firstCoveredYear()).isEqualTo(2012);
        assertThat(calendar.lastCoveredYear()).isEqualTo(2030);
    }

    @Test
    void christmas2026FallsOnFridaySoBoxingDayMovesToMonday28December() throws IOException {
        Map<LocalDate, String> holidays = titlesByDate();

        assertThat(LocalDate.of(2026, 12, 24).getDayOfWeek()).isEqualTo(DayOfWeek.THURSDAY);
        assertThat(LocalDate.of(2026, 12, 25).getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
        assertThat(LocalDate.of(2026, 12, 28).getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(holidays).containsEntry(LocalDate.of(2026, 12, 25), "Christmas Day")
                .containsEntry(LocalDate.of(2026, 12, 28), "Boxing Day (substitute day)")
                .doesNotContainKeys(LocalDate.of(2026, 12, 26), LocalDate.of(2026, 12, 29),
                        LocalDate.of(2026, 12, 30), LocalDate.of(2026, 12, 31));
    }

    @Test
    void easter2027IsGoodFriday26MarchAndEasterMonday29March() throws IOException {
        Map<LocalDate, String> holidays = titlesByDate();

        assertThat(LocalDate.of(2027, 3, 25).getDayOfWeek()).isEqualTo(DayOfWeek.THURSDAY);
        assertThat(holidays).containsEntry(LocalDate.of(2027, 3, 26), "Good Friday")
                .containsEntry(LocalDate.of(2027, 3, 29), "Easter Monday")
                .doesNotContainKey(LocalDate.of(2027, 3, 30));
    }

    @Test
    void theOneOffDaysOf2022And2023AreListedAsProclaimed() throws IOException {
        Map<LocalDate, String> basis = lines().stream().skip(1).map(line -> line.split(",", -1))
                .collect(Collectors.toMap(fields -> LocalDate.parse(fields[0]), fields -> fields[2]));

        assertThat(titlesByDate().get(LocalDate.of(2022, 9, 19))).contains("State Funeral");
        assertThat(titlesByDate().get(LocalDate.of(2023, 5, 8))).contains("coronation");
        assertThat(basis).containsEntry(LocalDate.of(2022, 9, 19), "one-off or moved by proclamation")
                .containsEntry(LocalDate.of(2023, 5, 8), "one-off or moved by proclamation");
        assertThat(List.of(LocalDate.of(2022, 9, 19), LocalDate.of(2023, 5, 8)))
                .extracting(LocalDate::getDayOfWeek).containsOnly(DayOfWeek.MONDAY);
    }

    @Test
    void theBundledCalendarIsLoadedOnceAndShared() {
        assertThat(WorkingDayCalendar.englandAndWales()).isSameAs(WorkingDayCalendar.englandAndWales());
    }
}
