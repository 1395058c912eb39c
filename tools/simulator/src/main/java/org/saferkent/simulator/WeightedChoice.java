package org.saferkent.simulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Picks one of several values with given weights (they need not add up to 1). */
public final class WeightedChoice<T> {

    private final List<T> values = new ArrayList<>();
    private final double[] cumulative;
    private final double total;

    public WeightedChoice(Map<T, Double> weights) {
        if (weights.isEmpty()) {
            throw new IllegalArgumentException("nothing to choose from");
        }
        cumulative = new double[weights.size()];
        double sum = 0;
        int i = 0;
        for (Map.Entry<T, Double> entry : weights.entrySet()) {
            if (entry.getValue() < 0) {
                throw new IllegalArgumentException("negative weight for " + entry.getKey());
            }
            sum += entry.getValue();
            values.add(entry.getKey());
            cumulative[i++] = sum;
        }
        total = sum;
    }

    public T pick(Random random) {
        double at = random.nextDouble() * total;
        for (int i = 0; i < cumulative.length; i++) {
            if (at < cumulative[i]) {
                return values.get(i);
            }
        }
        return values.get(values.size() - 1);
    }

    /** The share of one value, for tests and reports. */
    public double share(T value) {
        int i = values.indexOf(value);
        if (i < 0) {
            return 0;
        }
        return (cumulative[i] - (i == 0 ? 0 : cumulative[i - 1])) / total;
    }

    public List<T> values() {
        return Collections.unmodifiableList(values);
    }

    /** Builds the weights in the order given (a LinkedHashMap keeps picks deterministic for a seed). */
    @SafeVarargs
    public static <T> WeightedChoice<T> of(Map.Entry<T, Double>... entries) {
        Map<T, Double> weights = new LinkedHashMap<>();
        for (Map.Entry<T, Double> entry : entries) {
            weights.put(entry.getKey(), entry.getValue());
        }
        return new WeightedChoice<>(weights);
    }
}
