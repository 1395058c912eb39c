package org.saferkent.platform.workingdays;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a holiday list: CSV with columns {@code date,title,basis} (ISO dates, {@code YYYY-MM-DD}).
 *
 * <p>The header line is optional; without one the columns are taken in that order and {@code title}
 * and {@code basis} may be left off. Blank lines and lines starting with {@code #} are skipped, a
 * UTF-8 byte-order mark is tolerated, and a field may be double-quoted (to hold a comma). Anything
 * else that does not fit is refused with an {@link IllegalArgumentException} naming the line.
 */
final class HolidayCsv {

    private static final List<String> COLUMNS = List.of("date", "title", "basis");

    /** One listed day; {@code title} is null when the row gave none. */
    record Entry(LocalDate date, String title) {
    }

    private HolidayCsv() {
    }

    static List<Entry> read(Reader reader) {
        BufferedReader in = reader instanceof BufferedReader buffered ? buffered : new BufferedReader(reader);
        List<Entry> entries = new ArrayList<>();
        List<String> columns = COLUMNS;
        boolean firstRow = true;
        int lineNumber = 0;
        try {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNumber++;
                if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank() || line.strip().startsWith("#")) {
                    continue;
                }
                List<String> fields = split(line, lineNumber);
                if (firstRow && isHeader(fields)) {
                    columns = header(fields, lineNumber);
                } else {
                    entries.add(entry(fields, columns, lineNumber));
                }
                firstRow = false;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the holiday list after line " + lineNumber, e);
        }
        return entries;
    }

    private static boolean isHeader(List<String> fields) {
        return fields.stream().anyMatch(field -> field.equalsIgnoreCase("date"));
    }

    private static List<String> header(List<String> fields, int lineNumber) {
        List<String> columns = new ArrayList<>();
        for (String field : fields) {
            String name = field.toLowerCase(Locale.ROOT);
            if (!COLUMNS.contains(name) || columns.contains(name)) {
                throw malformed(lineNumber, "unexpected column '" + field + "' (columns are date,title,basis)");
            }
            columns.add(name);
        }
        return columns;
    }

    private static Entry entry(List<String> fields, List<String> columns, int lineNumber) {
        if (fields.size() > columns.size()) {
            throw malformed(lineNumber, "expected at most " + columns.size() + " fields (" + String.join(",", columns)
                    + ") but found " + fields.size() + "; quote a title that contains a comma");
        }
        String date = field(fields, columns, "date");
        if (date.isEmpty()) {
            throw malformed(lineNumber, "no date");
        }
        String title = field(fields, columns, "title");
        try {
            return new Entry(LocalDate.parse(date), title.isEmpty() ? null : title);
        } catch (DateTimeParseException e) {
            throw malformed(lineNumber, "'" + date + "' is not a date (expected YYYY-MM-DD, e.g. 2031-05-05)");
        }
    }

    private static String field(List<String> fields, List<String> columns, String column) {
        int index = columns.indexOf(column);
        return index >= 0 && index < fields.size() ? fields.get(index) : "";
    }

    /** Splits one line on commas, honouring double quotes ({@code ""} inside quotes is a quote). */
    private static List<String> split(String line, int lineNumber) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString().strip());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw malformed(lineNumber, "a quoted field is not closed");
        }
        fields.add(field.toString().strip());
        return fields;
    }

    private static IllegalArgumentException malformed(int lineNumber, String problem) {
        return new IllegalArgumentException("line " + lineNumber + ": " + problem);
    }
}
