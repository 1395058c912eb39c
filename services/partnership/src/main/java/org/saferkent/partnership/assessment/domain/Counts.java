package org.saferkent.partnership.assessment.domain;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.saferkent.partnership.vocabulary.District;

/** Exact counts before disclosure control: per district, year, police.uk category and month. */
public final class Counts {

    private final Map<District, Map<Integer, int[][]>> counts = new EnumMap<>(District.class);

    public Counts add(District district, int year, int month, PoliceUkCategory category, int count) {
        if (month < 1 || month > 12) {
            throw new IllegalArgumentException("month " + month);
        }
        int[][] grid = counts.computeIfAbsent(district, d -> new TreeMap<>())
                .computeIfAbsent(year, y -> new int[PoliceUkCategory.values().length][12]);
        grid[category.ordinal()][month - 1] = Math.addExact(grid[category.ordinal()][month - 1], count);
        return this;
    }

    public Counts add(Cell cell, int count) {
        return add(cell.district(), cell.year(), cell.month(), cell.category(), count);
    }

    /** The districts' counts of a year, categories by month, summed ({@code [category][month - 1]}). */
    public int[][] grid(List<District> districts, int year) {
        int[][] sum = new int[PoliceUkCategory.values().length][12];
        for (District district : districts) {
            int[][] grid = counts.getOrDefault(district, Map.of()).get(year);
            if (grid == null) {
                continue;
            }
            for (int c = 0; c < sum.length; c++) {
                for (int m = 0; m < 12; m++) {
                    sum[c][m] = Math.addExact(sum[c][m], grid[c][m]);
                }
            }
        }
        return sum;
    }

    public int total(List<District> districts, int year, PoliceUkCategory category) {
        int total = 0;
        for (int count : grid(districts, year)[category.ordinal()]) {
            total = Math.addExact(total, count);
        }
        return total;
    }
}
