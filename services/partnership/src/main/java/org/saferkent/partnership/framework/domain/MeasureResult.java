package org.saferkent.partnership.framework.domain;

/**
 * A measure for a year (and a district, or the county): {@code numerator} of {@code denominator} as a percentage
 * (one decimal), its target and RAG. With nothing to measure (denominator 0) there is no value and no RAG.
 */
public record MeasureResult(Measure measure, long numerator, long denominator, Double value, Target target, Rag rag) {

    public static MeasureResult of(Measure measure, long numerator, long denominator, Target target) {
        if (denominator <= 0) {
            return new MeasureResult(measure, numerator, 0, null, target, null);
        }
        double value = Math.round(1000.0 * numerator / denominator) / 10.0;
        return new MeasureResult(measure, numerator, denominator, value, target, target.rag(value));
    }
}
