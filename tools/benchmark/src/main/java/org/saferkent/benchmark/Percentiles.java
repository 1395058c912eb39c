package org.saferkent.benchmark;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** p50 / p95 / p99 (nearest rank) of a set of durations in milliseconds. */
public record Percentiles(int samples, double p50, double p95, double p99, double max) {

    public static Percentiles of(List<Double> millis) {
        if (millis.isEmpty()) {
            return new Percentiles(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] sorted = millis.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return new Percentiles(sorted.length, rank(sorted, 50), rank(sorted, 95), rank(sorted, 99), sorted[sorted.length - 1]);
    }

    private static double rank(double[] sorted, double percentile) {
        int index = (int) Math.ceil(percentile / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("samples", samples);
        map.put("p50Ms", round(p50));
        map.put("p95Ms", round(p95));
        map.put("p99Ms", round(p99));
        map.put("maxMs", round(max));
        return map;
    }

    static Double round(double value) {
        return Double.isNaN(value) ? null : Math.round(value * 10) / 10.0;
    }
}
