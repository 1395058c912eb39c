package org.saferkent.partnership.framework.domain;

/**
 * A measure's target, in percent: green when met; amber when missed by at most {@code amberMargin} percentage points;
 * red otherwise. {@code higherIsBetter} false for measures to keep down (repeat victimisation).
 */
public record Target(double percent, boolean higherIsBetter, double amberMargin) {

    public Target {
        if (percent < 0 || percent > 100 || amberMargin < 0) {
            throw new IllegalArgumentException("a target is a percentage and its amber margin is not negative");
        }
    }

    public Rag rag(double value) {
        double shortfall = higherIsBetter ? percent - value : value - percent;
        if (shortfall <= 0) {
            return Rag.GREEN;
        }
        return shortfall <= amberMargin ? Rag.AMBER : Rag.RED;
    }
}
