package org.saferkent.platform.disclosure;

import java.util.List;

/**
 * A table as an audience may see it: every cell and total either a (possibly rounded) number or suppressed
 * with its reason. It holds no exact figure that the rule hides, so it can be serialised as it is.
 *
 * @param rule         the rule it was published under
 * @param rows         the row labels
 * @param columns      the column labels
 * @param cells        {@code cells.get(row).get(column)}
 * @param rowTotals    one per row
 * @param columnTotals one per column
 * @param grandTotal   the table's total
 */
public record PublishedTable(DisclosureRule rule, List<String> rows, List<String> columns,
        List<List<PublishedCount>> cells, List<PublishedCount> rowTotals, List<PublishedCount> columnTotals,
        PublishedCount grandTotal) {

    public PublishedTable {
        rows = List.copyOf(rows);
        columns = List.copyOf(columns);
        cells = cells.stream().map(List::copyOf).toList();
        rowTotals = List.copyOf(rowTotals);
        columnTotals = List.copyOf(columnTotals);
    }

    public PublishedCount cell(int row, int column) {
        return cells.get(row).get(column);
    }

    public PublishedCount cell(String row, String column) {
        return cell(index(rows, row, "row"), index(columns, column, "column"));
    }

    public PublishedCount rowTotal(String row) {
        return rowTotals.get(index(rows, row, "row"));
    }

    public PublishedCount columnTotal(String column) {
        return columnTotals.get(index(columns, column, "column"));
    }

    /** How many figures (cells and totals) are suppressed for this reason. */
    public long suppressed(Suppression reason) {
        return cells.stream().flatMap(List::stream).filter(count -> count.suppression() == reason).count()
                + rowTotals.stream().filter(count -> count.suppression() == reason).count()
                + columnTotals.stream().filter(count -> count.suppression() == reason).count()
                + (grandTotal.suppression() == reason ? 1 : 0);
    }

    /** The table as text, one line per row, the totals last, {@code *} for a suppressed figure. */
    public String render() {
        var text = new StringBuilder();
        text.append('\t').append(String.join("\t", columns)).append("\tTotal\n");
        for (int r = 0; r < rows.size(); r++) {
            text.append(rows.get(r));
            cells.get(r).forEach(count -> text.append('\t').append(count));
            text.append('\t').append(rowTotals.get(r)).append('\n');
        }
        text.append("Total");
        columnTotals.forEach(count -> text.append('\t').append(count));
        return text.append('\t').append(grandTotal).append('\n').toString();
    }

    private static int index(List<String> labels, String label, String what) {
        int index = labels.indexOf(label);
        if (index < 0) {
            throw new IllegalArgumentException("no " + what + " " + label);
        }
        return index;
    }
}
