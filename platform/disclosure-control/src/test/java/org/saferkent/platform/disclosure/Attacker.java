package org.saferkent.platform.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Someone holding a published table and nothing else, trying to work out its suppressed figures. The table's
 * figures are a grid with the row totals as its last column, the column totals as its last row and the grand
 * total in the corner; every line of that grid is an equation: the cells of a row add up to its total, the
 * row totals add up to the grand total, and likewise for columns. Written independently of the library's
 * own reasoning about lines and cycles.
 */
final class Attacker {

    /** A figure of the grid: a cell, or a total when row or column is one past the table's last. */
    record Figure(int row, int column) {
    }

    private final int rows;
    private final int columns;
    private final Integer[][] known;
    private final List<List<Term>> equations = new ArrayList<>();

    /** One figure of an equation, added (+1) or subtracted (-1). */
    private record Term(Figure figure, int sign) {
    }

    Attacker(PublishedTable table) {
        rows = table.rows().size();
        columns = table.columns().size();
        known = new Integer[rows + 1][columns + 1];
        for (int r = 0; r <= rows; r++) {
            for (int c = 0; c <= columns; c++) {
                known[r][c] = figure(table, r, c).value();
            }
        }
        // each row of the grid: its figures add up to its last one
        for (int r = 0; r <= rows; r++) {
            List<Term> equation = new ArrayList<>();
            for (int c = 0; c < columns; c++) {
                equation.add(new Term(new Figure(r, c), 1));
            }
            equation.add(new Term(new Figure(r, columns), -1));
            equations.add(equation);
        }
        for (int c = 0; c <= columns; c++) {
            List<Term> equation = new ArrayList<>();
            for (int r = 0; r < rows; r++) {
                equation.add(new Term(new Figure(r, c), 1));
            }
            equation.add(new Term(new Figure(rows, c), -1));
            equations.add(equation);
        }
    }

    static PublishedCount figure(PublishedTable table, int r, int c) {
        int rows = table.rows().size();
        int columns = table.columns().size();
        if (r == rows) {
            return c == columns ? table.grandTotal() : table.columnTotals().get(c);
        }
        return c == columns ? table.rowTotals().get(r) : table.cell(r, c);
    }

    /**
     * Solves every equation with exactly one unknown, counts the answer as known, and repeats until no
     * equation gives anything more. Returns what it worked out.
     */
    Map<Figure, Integer> byRowsAndColumns() {
        Integer[][] values = new Integer[rows + 1][];
        for (int r = 0; r <= rows; r++) {
            values[r] = known[r].clone();
        }
        Map<Figure, Integer> recovered = new LinkedHashMap<>();
        boolean progress = true;
        while (progress) {
            progress = false;
            for (List<Term> equation : equations) {
                Term unknown = null;
                int unknowns = 0;
                long sum = 0;
                for (Term term : equation) {
                    Integer value = values[term.figure().row()][term.figure().column()];
                    if (value == null) {
                        unknowns++;
                        unknown = term;
                    } else {
                        sum += term.sign() * (long) value;
                    }
                }
                if (unknowns == 1) {
                    int value = Math.toIntExact(-sum * unknown.sign());
                    values[unknown.figure().row()][unknown.figure().column()] = value;
                    recovered.put(unknown.figure(), value);
                    progress = true;
                }
            }
        }
        return recovered;
    }

    /**
     * Treats all the equations at once (Gaussian elimination over the unknowns): a figure is worked out
     * when the equations fix it whatever the other unknowns are, for example by adding two rows and taking
     * away two columns. Returns what it worked out.
     */
    Map<Figure, Integer> byLinearAlgebra() {
        List<Figure> unknowns = new ArrayList<>();
        for (int r = 0; r <= rows; r++) {
            for (int c = 0; c <= columns; c++) {
                if (known[r][c] == null) {
                    unknowns.add(new Figure(r, c));
                }
            }
        }
        int n = unknowns.size();
        double[][] matrix = new double[equations.size()][n + 1];
        for (int e = 0; e < equations.size(); e++) {
            for (Term term : equations.get(e)) {
                Integer value = known[term.figure().row()][term.figure().column()];
                if (value == null) {
                    matrix[e][unknowns.indexOf(term.figure())] += term.sign();
                } else {
                    matrix[e][n] -= term.sign() * (double) value;
                }
            }
        }
        int[] pivotRowOfColumn = reduce(matrix, n);
        Map<Figure, Integer> recovered = new LinkedHashMap<>();
        for (int j = 0; j < n; j++) {
            int row = pivotRowOfColumn[j];
            if (row < 0) {
                continue;
            }
            boolean fixed = true;
            for (int k = 0; k < n && fixed; k++) {
                fixed = k == j || Math.abs(matrix[row][k]) < 1e-9;
            }
            if (fixed) {
                recovered.put(unknowns.get(j), (int) Math.round(matrix[row][n]));
            }
        }
        return recovered;
    }

    /** Reduced row echelon form in place; for each column, the row of its pivot or -1. */
    private static int[] reduce(double[][] matrix, int n) {
        int[] pivotRowOfColumn = new int[n];
        Arrays.fill(pivotRowOfColumn, -1);
        int row = 0;
        for (int column = 0; column < n && row < matrix.length; column++) {
            int best = row;
            for (int r = row + 1; r < matrix.length; r++) {
                if (Math.abs(matrix[r][column]) > Math.abs(matrix[best][column])) {
                    best = r;
                }
            }
            if (Math.abs(matrix[best][column]) < 1e-9) {
                continue;
            }
            double[] swap = matrix[row];
            matrix[row] = matrix[best];
            matrix[best] = swap;
            double pivot = matrix[row][column];
            for (int k = 0; k <= n; k++) {
                matrix[row][k] /= pivot;
            }
            for (int r = 0; r < matrix.length; r++) {
                if (r != row && Math.abs(matrix[r][column]) > 1e-9) {
                    double factor = matrix[r][column];
                    for (int k = 0; k <= n; k++) {
                        matrix[r][k] -= factor * matrix[row][k];
                    }
                }
            }
            pivotRowOfColumn[column] = row;
            row++;
        }
        return pivotRowOfColumn;
    }
}
