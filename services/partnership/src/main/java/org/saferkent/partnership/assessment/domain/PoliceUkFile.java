package org.saferkent.partnership.assessment.domain;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.saferkent.partnership.vocabulary.District;

/**
 * A police.uk street-level crime file (columns Crime ID, Month, Reported by, Falls within, Longitude, Latitude,
 * Location, LSOA code, LSOA name, Crime type, Last outcome category, Context), read whole and checked before anything
 * is counted: the counts per cell, the rows outside Kent (by the authority of their LSOA name, or with no location),
 * and every bad row by its line number. Columns are found by their header, so their order does not matter; the Crime
 * ID is never read.
 */
public final class PoliceUkFile {

    public static final String MONTH = "Month";
    public static final String LSOA_NAME = "LSOA name";
    public static final String CRIME_TYPE = "Crime type";
    /** Problems listed at most; the total is reported too. */
    public static final int MAX_LISTED_PROBLEMS = 100;
    static final int FIRST_YEAR = 2010;
    static final int LAST_YEAR = 2100;

    /** Rows counted per cell, rows outside Kent per authority ("no location" for none), and the bad rows. */
    public record Parsed(int rows, Map<Cell, Integer> counts, Map<String, Integer> outsideKent, List<LineProblem> problems,
            int problemCount) {

        public boolean valid() {
            return problemCount == 0;
        }

        public int counted() {
            return counts.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** More rows than an import takes. */
    public static final class TooManyRows extends RuntimeException {
        public TooManyRows(int maxRows) {
            super("the file has more than " + maxRows + " rows");
        }
    }

    private PoliceUkFile() {
    }

    /** @throws TooManyRows past {@code maxRows} data rows */
    public static Parsed parse(String csv, int maxRows) {
        String[] lines = csv.split("\r\n|\n|\r", -1);
        List<LineProblem> problems = new ArrayList<>();
        int[] problemCount = {0};
        if (lines.length == 0 || lines[0].isBlank()) {
            return new Parsed(0, Map.of(), Map.of(), List.of(new LineProblem(1, "header", "is required: the police.uk columns")), 1);
        }
        List<String> header = fields(stripBom(lines[0]));
        if (header == null) {
            return new Parsed(0, Map.of(), Map.of(), List.of(new LineProblem(1, "header", "has an unterminated quote")), 1);
        }
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            columns.putIfAbsent(header.get(i).trim().toLowerCase(Locale.ROOT), i);
        }
        Integer month = columns.get(MONTH.toLowerCase(Locale.ROOT));
        Integer lsoa = columns.get(LSOA_NAME.toLowerCase(Locale.ROOT));
        Integer type = columns.get(CRIME_TYPE.toLowerCase(Locale.ROOT));
        for (var required : List.of(Map.entry(MONTH, Optional.ofNullable(month)), Map.entry(LSOA_NAME, Optional.ofNullable(lsoa)),
                Map.entry(CRIME_TYPE, Optional.ofNullable(type)))) {
            if (required.getValue().isEmpty()) {
                problems.add(new LineProblem(1, required.getKey(), "is a required column of the police.uk layout"));
            }
        }
        if (!problems.isEmpty()) {
            return new Parsed(0, Map.of(), Map.of(), problems, problems.size());
        }
        Map<Cell, Integer> counts = new LinkedHashMap<>();
        Map<String, Integer> outside = new TreeMap<>();
        int rows = 0;
        for (int i = 1; i < lines.length; i++) {
            int line = i + 1;
            if (lines[i].isBlank()) {
                continue;
            }
            if (++rows > maxRows) {
                throw new TooManyRows(maxRows);
            }
            List<String> fields = fields(lines[i]);
            if (fields == null) {
                report(problems, problemCount, new LineProblem(line, "$", "has an unterminated quote"));
                continue;
            }
            if (fields.size() != header.size()) {
                report(problems, problemCount, new LineProblem(line, "$", "has " + fields.size() + " columns, the header "
                        + header.size()));
                continue;
            }
            YearMonth yearMonth = yearMonth(fields.get(month));
            if (yearMonth == null) {
                report(problems, problemCount, new LineProblem(line, MONTH, "must be a month as YYYY-MM, from " + FIRST_YEAR));
            }
            PoliceUkCategory category = PoliceUkCategory.fromCrimeType(fields.get(type)).orElse(null);
            if (category == null) {
                report(problems, problemCount, new LineProblem(line, CRIME_TYPE, "is not one of police.uk's crime types"));
            }
            if (yearMonth == null || category == null) {
                continue;
            }
            String lsoaName = fields.get(lsoa).trim();
            Optional<District> district = KentLsoa.district(lsoaName);
            if (district.isEmpty()) {
                outside.merge(lsoaName.isEmpty() ? "no location" : KentLsoa.authority(lsoaName), 1, Integer::sum);
                continue;
            }
            counts.merge(new Cell(district.get(), yearMonth.getYear(), yearMonth.getMonthValue(), category), 1, Integer::sum);
        }
        return new Parsed(rows, Collections.unmodifiableMap(counts), Collections.unmodifiableMap(outside), List.copyOf(problems),
                problemCount[0]);
    }

    private static void report(List<LineProblem> problems, int[] count, LineProblem problem) {
        count[0]++;
        if (problems.size() < MAX_LISTED_PROBLEMS) {
            problems.add(problem);
        }
    }

    private static YearMonth yearMonth(String value) {
        try {
            YearMonth parsed = YearMonth.parse(value.trim());
            return parsed.getYear() >= FIRST_YEAR && parsed.getYear() <= LAST_YEAR ? parsed : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String stripBom(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    /** The fields of one CSV line (RFC 4180 quoting, "" for a quote inside one); null if a quote is left open. */
    static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            return null;
        }
        fields.add(field.toString());
        return fields;
    }
}
