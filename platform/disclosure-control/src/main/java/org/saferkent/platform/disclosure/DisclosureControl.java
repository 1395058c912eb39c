package org.saferkent.platform.disclosure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Statistical disclosure control for every aggregate that leaves the partnership: a count small enough to
 * point at a person is suppressed (primary), other figures are suppressed so that it cannot be worked out
 * from the totals (secondary), and figures are rounded where the audience's rule says so. Each audience has
 * its rule ({@link Audiences#DEFAULTS} unless configured); an audience with no rule is refused, so a
 * misspelt name never publishes exact figures.
 */
public final class DisclosureControl {

    private final Map<String, DisclosureRule> rules;

    /** Control with these rules per audience name. */
    public DisclosureControl(Map<String, DisclosureRule> rules) {
        var copy = new LinkedHashMap<String, DisclosureRule>();
        rules.forEach((audience, rule) -> {
            if (audience == null || audience.isBlank() || rule == null) {
                throw new IllegalArgumentException("an audience needs a name and a rule: " + audience + "=" + rule);
            }
            copy.put(audience, rule);
        });
        this.rules = Collections.unmodifiableMap(copy);
    }

    /** Control with the default rules: see {@link Audiences#DEFAULTS}. */
    public static DisclosureControl withDefaultAudiences() {
        return new DisclosureControl(Audiences.DEFAULTS);
    }

    public Set<String> audiences() {
        return rules.keySet();
    }

    /** The audience's rule; an unknown audience is refused rather than given exact figures. */
    public DisclosureRule rule(String audience) {
        DisclosureRule rule = rules.get(audience);
        if (rule == null) {
            throw new IllegalArgumentException("no disclosure rule for audience '" + audience + "' (known: "
                    + String.join(", ", rules.keySet()) + ")");
        }
        return rule;
    }

    /** The table as this audience may see it. */
    public PublishedTable publish(CountTable table, String audience) {
        return apply(table, rule(audience));
    }

    /**
     * One count on its own, as this audience may see it (suppressed if small, rounded if the rule rounds).
     * A count that is also part of a published total belongs in a {@link CountTable} instead: alone, nothing
     * stops it being recovered from that total.
     */
    public PublishedCount publish(int count, String audience) {
        DisclosureRule rule = rule(audience);
        if (count < 0) {
            throw new IllegalArgumentException("a count cannot be negative: " + count);
        }
        return rule.isPrimarySuppressed(count) ? PublishedCount.suppressed(Suppression.PRIMARY)
                : PublishedCount.of(rule.round(count));
    }

    /** A rate of two counts on their own: each published under the audience's rule, then divided. */
    public PublishedRate rate(int numerator, int denominator, String audience) {
        return PublishedRate.of(publish(numerator, audience), publish(denominator, audience));
    }

    /** The table under this rule. Suppression is decided on exact figures; the rest are then rounded, each total on its own exact value. */
    public static PublishedTable apply(CountTable table, DisclosureRule rule) {
        int rows = table.rows().size();
        int columns = table.columns().size();
        int[][] values = SuppressionPattern.grid(table);
        Suppression[][] reasons = SuppressionPattern.of(table, rule);
        List<List<PublishedCount>> cells = new ArrayList<>();
        List<PublishedCount> rowTotals = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            List<PublishedCount> row = new ArrayList<>();
            for (int c = 0; c < columns; c++) {
                row.add(published(values[r][c], reasons[r][c], rule));
            }
            cells.add(row);
            rowTotals.add(published(values[r][columns], reasons[r][columns], rule));
        }
        List<PublishedCount> columnTotals = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            columnTotals.add(published(values[rows][c], reasons[rows][c], rule));
        }
        return new PublishedTable(rule, table.rows(), table.columns(), cells, rowTotals, columnTotals,
                published(values[rows][columns], reasons[rows][columns], rule));
    }

    private static PublishedCount published(int value, Suppression reason, DisclosureRule rule) {
        return reason != null ? PublishedCount.suppressed(reason) : PublishedCount.of(rule.round(value));
    }
}
