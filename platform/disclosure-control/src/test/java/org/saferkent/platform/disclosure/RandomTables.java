package org.saferkent.platform.disclosure;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/** Seeded random tables (by default 3-12 rows by 2-8 columns), with many small counts and zeros (sparse districts). */
final class RandomTables {

    private RandomTables() {
    }

    static List<CountTable> generate(long seed, int howMany) {
        return generate(seed, howMany, 3, 12, 2, 8);
    }

    static List<CountTable> generate(long seed, int howMany, int minRows, int maxRows, int minColumns, int maxColumns) {
        var random = new Random(seed);
        List<CountTable> tables = new ArrayList<>();
        for (int t = 0; t < howMany; t++) {
            int rows = minRows + random.nextInt(maxRows - minRows + 1);
            int columns = minColumns + random.nextInt(maxColumns - minColumns + 1);
            int[][] counts = new int[rows][columns];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < columns; c++) {
                    double draw = random.nextDouble();
                    counts[r][c] = draw < 0.3 ? 0 : draw < 0.65 ? 1 + random.nextInt(4) : 5 + random.nextInt(40);
                }
            }
            tables.add(CountTable.of(labels("district-", rows), labels("category-", columns), counts));
        }
        return tables;
    }

    private static List<String> labels(String prefix, int n) {
        return IntStream.range(0, n).mapToObj(i -> prefix + i).toList();
    }
}
