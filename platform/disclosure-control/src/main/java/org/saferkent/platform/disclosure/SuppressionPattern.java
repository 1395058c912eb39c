package org.saferkent.platform.disclosure;

import java.util.ArrayDeque;
import java.util.Comparator;

/**
 * Which figures of a table are suppressed, and why. The table is taken with its margins as one grid of
 * (rows + 1) x (columns + 1) figures: the last column holds the row totals, the last row the column totals,
 * the corner the grand total. Every line of that grid is an equation a reader can solve (the cells of a row
 * add up to its total; the row totals add up to the grand total; likewise for columns), so a total is
 * protected exactly like a cell.
 *
 * <p>Secondary suppression makes two promises, checked in this order until neither adds a suppression:
 * <ol>
 * <li>no line has exactly one suppressed figure (it would be its total minus the others);</li>
 * <li>no suppressed figure can be worked out by combining lines either. Seen as a graph whose vertices are
 * the grid's rows and columns and whose edges are the suppressed figures, the published figures fix a
 * suppressed one exactly when its edge lies on no cycle (a bridge); so each bridge is closed into a cycle
 * by suppressing one more figure across it.</li>
 * </ol>
 * A complementary figure is chosen deterministically: the smallest non-zero cell first, then a non-zero
 * total, and a 0 only when nothing else would do; ties by position (row, then column).
 */
final class SuppressionPattern {

    private final int height;
    private final int width;
    private final int[][] values;
    private final Suppression[][] reasons;
    /** Smallest non-zero cell first, then non-zero totals, then zeros; ties by row, then column. */
    private final Comparator<int[]> preference;

    private SuppressionPattern(int[][] values) {
        this.values = values;
        this.height = values.length;
        this.width = values[0].length;
        this.reasons = new Suppression[height][width];
        this.preference = Comparator.<int[]>comparingInt(at -> values[at[0]][at[1]] == 0 ? 1 : 0)
                .thenComparingInt(at -> at[0] == height - 1 || at[1] == width - 1 ? 1 : 0)
                .thenComparingInt(at -> values[at[0]][at[1]])
                .thenComparingInt(at -> at[0])
                .thenComparingInt(at -> at[1]);
    }

    /** The reasons per figure of the grid ({@code null} = published), totals in the last row and column. */
    static Suppression[][] of(CountTable table, DisclosureRule rule) {
        var pattern = new SuppressionPattern(grid(table));
        pattern.suppressPrimary(rule);
        if (rule.secondary()) {
            do {
                pattern.protectLines();
            } while (pattern.closeOneBridge());
        }
        return pattern.reasons;
    }

    static int[][] grid(CountTable table) {
        int rows = table.rows().size();
        int columns = table.columns().size();
        int[][] grid = new int[rows + 1][columns + 1];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                grid[r][c] = table.count(r, c);
            }
            grid[r][columns] = table.rowTotal(r);
        }
        for (int c = 0; c < columns; c++) {
            grid[rows][c] = table.columnTotal(c);
        }
        grid[rows][columns] = table.grandTotal();
        return grid;
    }

    private void suppressPrimary(DisclosureRule rule) {
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                if (rule.isPrimarySuppressed(values[r][c])) {
                    reasons[r][c] = Suppression.PRIMARY;
                }
            }
        }
    }

    /**
     * Suppresses a complement in every line with exactly one suppressed figure, until there is none: a figure
     * suppressed for a column may need another in its row, and so on.
     */
    private void protectLines() {
        boolean progress = true;
        while (progress) {
            progress = false;
            for (int r = 0; r < height; r++) {
                if (suppressedInRow(r) == 1) {
                    suppressBest(r, r, 0, width - 1);
                    progress = true;
                }
            }
            for (int c = 0; c < width; c++) {
                if (suppressedInColumn(c) == 1) {
                    suppressBest(0, height - 1, c, c);
                    progress = true;
                }
            }
        }
    }

    /** Finds the first suppressed figure (row-major) that a combination of lines would reveal, and hides it. */
    private boolean closeOneBridge() {
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                if (reasons[r][c] != null) {
                    boolean[] rowSide = reachable(r, c);
                    if (!rowSide[height + c]) {
                        closeBridge(r, c, rowSide);
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * The suppressed figure (r, c) joins two otherwise separate groups of lines: the rows and columns still
     * reached from row r without it, and those reached from column c. Suppressing a figure at a row of the
     * second group and a column of the first puts (r, c) on a cycle.
     */
    private void closeBridge(int r, int c, boolean[] rowSide) {
        boolean[] columnSide = reachable(r, c, height + c);
        int[] best = null;
        for (int row = 0; row < height; row++) {
            for (int column = 0; column < width; column++) {
                if (columnSide[row] && rowSide[height + column] && reasons[row][column] == null
                        && (best == null || preference.compare(new int[] {row, column}, best) < 0)) {
                    best = new int[] {row, column};
                }
            }
        }
        if (best == null) {
            throw new IllegalStateException("no figure can protect the suppressed figure at " + r + "," + c);
        }
        reasons[best[0]][best[1]] = Suppression.SECONDARY;
    }

    private boolean[] reachable(int r, int c) {
        return reachable(r, c, r);
    }

    /** Vertices (rows 0..height-1, then columns) reached from {@code start} over suppressed figures other than (r, c). */
    private boolean[] reachable(int r, int c, int start) {
        boolean[] seen = new boolean[height + width];
        var queue = new ArrayDeque<Integer>();
        seen[start] = true;
        queue.add(start);
        while (!queue.isEmpty()) {
            int vertex = queue.poll();
            if (vertex < height) {
                for (int column = 0; column < width; column++) {
                    visit(vertex, column, height + column, r, c, seen, queue);
                }
            } else {
                int column = vertex - height;
                for (int row = 0; row < height; row++) {
                    visit(row, column, row, r, c, seen, queue);
                }
            }
        }
        return seen;
    }

    private void visit(int row, int column, int next, int r, int c, boolean[] seen, ArrayDeque<Integer> queue) {
        if (reasons[row][column] != null && !(row == r && column == c) && !seen[next]) {
            seen[next] = true;
            queue.add(next);
        }
    }

    private void suppressBest(int fromRow, int toRow, int fromColumn, int toColumn) {
        int[] best = null;
        for (int r = fromRow; r <= toRow; r++) {
            for (int c = fromColumn; c <= toColumn; c++) {
                if (reasons[r][c] == null && (best == null || preference.compare(new int[] {r, c}, best) < 0)) {
                    best = new int[] {r, c};
                }
            }
        }
        // a line has at least two figures, and only one of them is suppressed
        reasons[best[0]][best[1]] = Suppression.SECONDARY;
    }

    private int suppressedInRow(int r) {
        int n = 0;
        for (int c = 0; c < width; c++) {
            n += reasons[r][c] != null ? 1 : 0;
        }
        return n;
    }

    private int suppressedInColumn(int c) {
        int n = 0;
        for (int r = 0; r < height; r++) {
            n += reasons[r][c] != null ? 1 : 0;
        }
        return n;
    }
}
