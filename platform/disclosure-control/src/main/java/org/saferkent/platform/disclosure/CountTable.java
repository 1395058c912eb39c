package org.saferkent.platform.disclosure;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A two-way table of counts before disclosure control, for example districts by police.uk category, or
 * contracts by district for one quarter. Its row totals, column totals and grand total are the sums of
 * its cells, so they can never disagree with them.
 */
public final class CountTable {

    private final List<String> rows;
    private final List<String> columns;
    private final int[][] counts;
    private final int[] rowTotals;
    private final int[] columnTotals;
    private final int grandTotal;

    private CountTable(List<String> rows, List<String> columns, int[][] counts) {
        this.rows = labels("row", rows);
        this.columns = labels("column", columns);
        if (counts.length != rows.size()) {
            throw new IllegalArgumentException(rows.size() + " rows named but " + counts.length + " given");
        }
        this.counts = new int[rows.size()][];
        this.rowTotals = new int[rows.size()];
        this.columnTotals = new int[columns.size()];
        int grand = 0;
        for (int r = 0; r < rows.size(); r++) {
            if (counts[r].length != columns.size()) {
                throw new IllegalArgumentException("row " + rows.get(r) + " has " + counts[r].length
                        + " counts for " + columns.size() + " columns");
            }
            this.counts[r] = counts[r].clone();
            for (int c = 0; c < columns.size(); c++) {
                int count = counts[r][c];
                if (count < 0) {
                    throw new IllegalArgumentException("count for " + rows.get(r) + " / " + columns.get(c)
                            + " is negative: " + count);
                }
                rowTotals[r] = Math.addExact(rowTotals[r], count);
                columnTotals[c] = Math.addExact(columnTotals[c], count);
                grand = Math.addExact(grand, count);
            }
        }
        this.grandTotal = grand;
    }

    /** A table from its labels and its counts, {@code counts[row][column]}. */
    public static CountTable of(List<String> rows, List<String> columns, int[][] counts) {
        return new CountTable(rows, columns, counts);
    }

    /** A table filled in cell by cell: every cell starts at 0. */
    public static Builder builder(List<String> rows, List<String> columns) {
        return new Builder(rows, columns);
    }

    public List<String> rows() {
        return rows;
    }

    public List<String> columns() {
        return columns;
    }

    public int count(int row, int column) {
        return counts[row][column];
    }

    public int rowTotal(int row) {
        return rowTotals[row];
    }

    public int columnTotal(int column) {
        return columnTotals[column];
    }

    public int grandTotal() {
        return grandTotal;
    }

    private static List<String> labels(String what, List<String> labels) {
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("a table needs at least one " + what);
        }
        var seen = new HashSet<String>();
        for (String label : labels) {
            if (label == null || label.isBlank()) {
                throw new IllegalArgumentException("a " + what + " label is blank");
            }
            if (!seen.add(label)) {
                throw new IllegalArgumentException(what + " " + label + " is named twice");
            }
        }
        return List.copyOf(labels);
    }

    /** Fills a table by labels; {@link #add} may be called several times for one cell. */
    public static final class Builder {

        private final List<String> rows;
        private final List<String> columns;
        private final Map<String, Integer> rowIndex = new LinkedHashMap<>();
        private final Map<String, Integer> columnIndex = new LinkedHashMap<>();
        private final int[][] counts;

        private Builder(List<String> rows, List<String> columns) {
            this.rows = labels("row", rows);
            this.columns = labels("column", columns);
            for (int r = 0; r < rows.size(); r++) {
                rowIndex.put(rows.get(r), r);
            }
            for (int c = 0; c < columns.size(); c++) {
                columnIndex.put(columns.get(c), c);
            }
            counts = new int[rows.size()][columns.size()];
        }

        /** Adds {@code count} to the cell of this row and column. */
        public Builder add(String row, String column, int count) {
            Integer r = rowIndex.get(row);
            Integer c = columnIndex.get(column);
            if (r == null) {
                throw new IllegalArgumentException("no row " + row);
            }
            if (c == null) {
                throw new IllegalArgumentException("no column " + column);
            }
            counts[r][c] = Math.addExact(counts[r][c], count);
            return this;
        }

        public CountTable build() {
            return new CountTable(rows, columns, counts);
        }
    }
}
