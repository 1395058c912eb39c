package org.saferkent.platform.workingdays;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Year;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The shared {@link WorkingDayCalendar}: the bundled England &amp; Wales bank holidays plus the file
 * named by {@code saferkent.calendar.extra-holidays-file}, if any. A configured file that is missing or
 * malformed stops the application at startup, naming the file and line, so that no deadline is ever
 * counted on an incomplete calendar. A year beyond the list is answered from the standing rules; the
 * first time in each year that happens it is logged and every {@link ComputedHolidaysListener} bean is
 * told (platform messaging's raises {@code ops.BankHolidaysComputed}).
 */
@AutoConfiguration
@EnableConfigurationProperties(CalendarProperties.class)
public class WorkingDaysAutoConfiguration {

    private static final Log log = LogFactory.getLog(WorkingDaysAutoConfiguration.class);
    private static final String PROPERTY = "saferkent.calendar.extra-holidays-file";

    @Bean
    @ConditionalOnMissingBean
    WorkingDayCalendar workingDayCalendar(CalendarProperties properties,
            ObjectProvider<ComputedHolidaysListener> listeners) {
        WorkingDayCalendar calendar = withExtraHolidays(WorkingDayCalendar.englandAndWales(),
                properties.extraHolidaysFile());
        int nextYear = Year.now(calendar.zone()).getValue() + 1;
        if (calendar.lastCoveredYear() < nextYear) {
            log.warn("The working-day calendar lists bank holidays up to " + calendar.lastCoveredYear()
                    + " only: deadlines running into " + nextYear + " will use the standing rules (no one-off holidays)"
                    + " until its bank holidays are added to " + PROPERTY);
        }
        return calendar.withComputedHolidaysListener((year, first, last) -> {
            log.warn("Bank holidays for " + year + " are computed from the standing rules: the list covers " + first
                    + " to " + last + ". Add " + year + "'s England & Wales bank holidays (gov.uk/bank-holidays) to "
                    + PROPERTY + " so that any proclaimed one-off day counts.");
            listeners.orderedStream().forEach(listener -> listener.runningOnComputedHolidays(year, first, last));
        });
    }

    static WorkingDayCalendar withExtraHolidays(WorkingDayCalendar calendar, Path file) {
        if (file == null) {
            return calendar;
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(PROPERTY + " is " + file.toAbsolutePath() + " but there is no such file");
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            WorkingDayCalendar extended = calendar.withHolidaysFrom(reader);
            log.info("Working-day calendar: bundled bank holidays plus " + file.toAbsolutePath() + ", covering "
                    + extended.firstCoveredYear() + " to " + extended.lastCoveredYear());
            return extended;
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(PROPERTY + " " + file.toAbsolutePath() + " is malformed: " + e.getMessage(), e);
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalStateException(PROPERTY + " " + file.toAbsolutePath() + " could not be read: " + e.getMessage(), e);
        }
    }
}
