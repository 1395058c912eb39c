package org.saferkent.platform.workingdays;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class WorkingDaysAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(WorkingDaysAutoConfiguration.class));

    @TempDir
    Path dir;

    @Test
    void theAutoConfigurationIsRegisteredForBoot() {
        assertThat(ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()))
                .contains(WorkingDaysAutoConfiguration.class.getName());
    }

    @Test
    void withoutAnExtraFileTheCalendarIsTheBundledOne() {
        runner.run(context -> assertThat(context).getBean(WorkingDayCalendar.class)
                .isEqualTo(WorkingDayCalendar.englandAndWales()));
    }

    @Test
    void aYearBeyondTheListIsToldToEveryComputedHolidaysListenerBeanOnce() {
        java.util.List<Integer> told = new java.util.concurrent.CopyOnWriteArrayList<>();
        runner.withBean(ComputedHolidaysListener.class, () -> (year, first, last) -> told.add(year)).run(context -> {
            WorkingDayCalendar calendar = context.getBean(WorkingDayCalendar.class);
            calendar.addWorkingDays(java.time.LocalDate.of(2030, 12, 20), 10);
            calendar.isWorkingDay(java.time.LocalDate.of(2031, 6, 1));

            assertThat(told).containsExactly(2031);
        });
    }

    @Test
    void anExtraFileAddsItsDaysToTheBundledOnes() throws IOException {
        Path file = Files.writeString(dir.resolve("extra.csv"), """
                date,title,basis
                2026-06-16,Proclaimed day,one-off or moved by proclamation
                """);

        runner.withPropertyValues("saferkent.calendar.extra-holidays-file=" + file).run(context -> {
            WorkingDayCalendar calendar = context.getBean(WorkingDayCalendar.class);
            assertThat(calendar.holidayName(LocalDate.of(2026, 6, 16))).contains("Proclaimed day");
            assertThat(calendar.isBankHoliday(LocalDate.of(2026, 12, 25))).isTrue();
        });
    }

    @Test
    void aConfiguredFileThatIsMissingStopsStartupNamingIt() {
        Path missing = dir.resolve("no-such.csv");

        runner.withPropertyValues("saferkent.calendar.extra-holidays-file=" + missing).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("saferkent.calendar.extra-holidays-file")
                    .hasMessageContaining(missing.toString())
                    .hasMessageContaining("no such file");
        });
    }

    @Test
    void aMalformedFileStopsStartupNamingTheLine() throws IOException {
        Path file = Files.writeString(dir.resolve("extra.csv"), """
                date,title,basis
                2026-06-16,Fine,one-off or moved by proclamation
                16/06/2026,Wrong format,one-off or moved by proclamation
                """);

        runner.withPropertyValues("saferkent.calendar.extra-holidays-file=" + file).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasStackTraceContaining(
                    "saferkent.calendar.extra-holidays-file " + file + " is malformed: line 3: '16/06/2026' is not a date");
        });
    }

    @Test
    void anApplicationsOwnCalendarWins() {
        runner.withUserConfiguration(OwnCalendar.class).run(context -> assertThat(context)
                .getBean(WorkingDayCalendar.class).isSameAs(OwnCalendar.CALENDAR));
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnCalendar {
        static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.englandAndWales()
                .withHolidays(java.util.List.of(LocalDate.of(2026, 6, 16)));

        @Bean
        WorkingDayCalendar calendar() {
            return CALENDAR;
        }
    }
}
