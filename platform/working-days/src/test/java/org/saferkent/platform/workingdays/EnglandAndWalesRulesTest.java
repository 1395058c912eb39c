package org.saferkent.platform.workingdays;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/**
 * The standing rules against the shipped gov.uk list: every ordinary year computes exactly as listed
 * (dates and titles); the years that differ are the proclaimed ones, and they differ only by those days.
 */
class EnglandAndWalesRulesTest {

    private static NavigableMap<LocalDate, String> shipped() throws IOException {
        try (InputStream in = WorkingDayCalendar.class.getResourceAsStream(WorkingDayCalendar.BUNDLED_RESOURCE);
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            NavigableMap<LocalDate, String> days = new TreeMap<>();
            HolidayCsv.read(reader).forEach(entry -> days.put(entry.date(), entry.title()));
            return days;
        }
    }

    private static NavigableMap<LocalDate, String> shippedIn(NavigableMap<LocalDate, String> shipped, int year) {
        return shipped.subMap(LocalDate.of(year, 1, 1), true, LocalDate.of(year, 12, 31), true);
    }

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void everyOrdinaryShippedYearIsExactlyWhatTheRulesGive() throws IOException {
        NavigableMap<LocalDate, String> shipped = shipped();
        IntStream.rangeClosed(2012, 2030).filter(year -> year != 2012 && year != 2020 && year != 2022 && year != 2023)
                .forEach(year -> assertThat(EnglandAndWalesRules.holidays(year)).as("%d", year)
                        .containsExactlyEntriesOf(shippedIn(shipped, year)));
    }

    @Test
    void theProclaimedYearsDifferOnlyByTheirOneOffAndMovedDays() throws IOException {
        NavigableMap<LocalDate, String> shipped = shipped();
        Map<Integer, Map<String, Map<LocalDate, String>>> expected = Map.of(
                2012, Map.of("only listed", Map.of(date("2012-06-04"), "Spring bank holiday",
                                date("2012-06-05"), "Queen's Diamond Jubilee"),
                        "only ruled", Map.of(date("2012-05-28"), "Spring bank holiday")),
                2020, Map.of("only listed", Map.of(date("2020-05-08"), "Early May bank holiday (VE day)"),
                        "only ruled", Map.of(date("2020-05-04"), "Early May bank holiday")),
                2022, Map.of("only listed", Map.of(date("2022-06-02"), "Spring bank holiday",
                                date("2022-06-03"), "Platinum Jubilee bank holiday",
                                date("2022-09-19"), "Bank Holiday for the State Funeral of Queen Elizabeth II"),
                        "only ruled", Map.of(date("2022-05-30"), "Spring bank holiday")),
                2023, Map.of("only listed", Map.of(date("2023-05-08"), "Bank holiday for the coronation of King Charles III"),
                        "only ruled", Map.of()));

        expected.forEach((year, difference) -> {
            Map<LocalDate, String> listed = new TreeMap<>(shippedIn(shipped, year));
            Map<LocalDate, String> ruled = new TreeMap<>(EnglandAndWalesRules.holidays(year));
            Map<LocalDate, String> onlyListed = new TreeMap<>(listed);
            onlyListed.keySet().removeAll(ruled.keySet());
            Map<LocalDate, String> onlyRuled = new TreeMap<>(ruled);
            onlyRuled.keySet().removeAll(listed.keySet());

            assertThat(onlyListed).as("%d only listed", year).containsExactlyInAnyOrderEntriesOf(difference.get("only listed"));
            assertThat(onlyRuled).as("%d only ruled", year).containsExactlyInAnyOrderEntriesOf(difference.get("only ruled"));
            ruled.keySet().retainAll(listed.keySet());
            ruled.forEach((day, title) -> assertThat(listed).as("%d", year).containsEntry(day, title));
        });
    }

    @Test
    void easterSundayByTheComputus() {
        assertThat(EnglandAndWalesRules.easterSunday(2024)).isEqualTo(date("2024-03-31"));
        assertThat(EnglandAndWalesRules.easterSunday(2031)).isEqualTo(date("2031-04-13"));
        assertThat(EnglandAndWalesRules.easterSunday(2038)).isEqualTo(date("2038-04-25")); // the latest possible
        assertThat(EnglandAndWalesRules.easterSunday(2285)).isEqualTo(date("2285-03-22")); // the earliest possible
    }

    @Test
    void christmasAtTheWeekendGivesTheGovUkSubstitutes() {
        // 2032: Christmas on a Saturday; 2033: on a Sunday; 2037: on a Friday
        assertThat(EnglandAndWalesRules.holidays(2032)).containsEntry(date("2032-12-27"), "Christmas Day (substitute day)")
                .containsEntry(date("2032-12-28"), "Boxing Day (substitute day)")
                .doesNotContainKeys(date("2032-12-25"), date("2032-12-26"));
        assertThat(EnglandAndWalesRules.holidays(2033)).containsEntry(date("2033-12-26"), "Boxing Day")
                .containsEntry(date("2033-12-27"), "Christmas Day (substitute day)");
        assertThat(EnglandAndWalesRules.holidays(2037)).containsEntry(date("2037-12-25"), "Christmas Day")
                .containsEntry(date("2037-12-28"), "Boxing Day (substitute day)");
        // 2033: New Year's Day on a Saturday
        assertThat(EnglandAndWalesRules.holidays(2033)).containsEntry(date("2033-01-03"), "New Year's Day (substitute day)");
    }
}
