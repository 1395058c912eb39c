package org.saferkent.partnership.assessment.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.saferkent.partnership.vocabulary.District;
import org.saferkent.platform.disclosure.CountTable;
import org.saferkent.platform.disclosure.DisclosureControl;
import org.saferkent.platform.disclosure.PublishedTable;

/**
 * The strategic assessment as published: every count, total and previous-year figure passes through disclosure
 * control for the audience (suppressed cells stay suppressed, secondary suppression keeps them from being worked out
 * from the totals); the year-on-year change is computed from the published figures only.
 */
public final class Assessment {

    /** One category of a district's year: its months, its total, last year's total and the change. */
    public record CategoryLine(String category, List<Figure> months, Figure total, Figure previous, Double changePercent) {
    }

    /** A district's (or CSP's) year from one source: categories by month, month totals, the year's total and change. */
    public record DistrictBlock(List<CategoryLine> categories, List<Figure> monthTotals, Figure total, Figure previousTotal,
            Double changePercent) {
    }

    /** One CSP's line of the county table: its counts by category, its total, last year's and the change. */
    public record CspLine(String csp, List<String> districts, List<Figure> categories, Figure total, Figure previous,
            Double changePercent) {
    }

    /** One category's county total, last year's and the change. */
    public record CategoryChange(String category, Figure total, Figure previous, Double changePercent) {
    }

    /** The county from one source: CSPs by category, with the totals. */
    public record CountyBlock(List<CspLine> csps, List<CategoryChange> categoryTotals, Figure total, Figure previousTotal,
            Double changePercent) {
    }

    private Assessment() {
    }

    /** The months of a year as police.uk names them: 2025-01 … 2025-12. */
    public static List<String> months(int year) {
        List<String> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            months.add(String.format("%04d-%02d", year, m));
        }
        return months;
    }

    public static DistrictBlock district(Counts counts, List<District> districts, int year, DisclosureControl control,
            String audience) {
        PublishedTable current = control.publish(CountTable.of(PoliceUkCategory.slugs(), months(year),
                counts.grid(districts, year)), audience);
        PublishedTable previous = control.publish(CountTable.of(PoliceUkCategory.slugs(), months(year - 1),
                counts.grid(districts, year - 1)), audience);
        List<CategoryLine> lines = new ArrayList<>();
        for (int c = 0; c < current.rows().size(); c++) {
            List<Figure> months = current.cells().get(c).stream().map(Figure::of).toList();
            Figure total = Figure.of(current.rowTotals().get(c));
            Figure before = Figure.of(previous.rowTotals().get(c));
            lines.add(new CategoryLine(current.rows().get(c), months, total, before, YearOnYear.percent(total, before)));
        }
        Figure total = Figure.of(current.grandTotal());
        Figure before = Figure.of(previous.grandTotal());
        return new DistrictBlock(lines, current.columnTotals().stream().map(Figure::of).toList(), total, before,
                YearOnYear.percent(total, before));
    }

    public static CountyBlock county(Counts counts, int year, DisclosureControl control, String audience) {
        Map<String, List<District>> csps = Csp.all();
        List<String> cspNames = List.copyOf(csps.keySet());
        int categories = PoliceUkCategory.values().length;
        int[][] now = new int[cspNames.size()][categories];
        int[][] then = new int[cspNames.size()][categories];
        for (int r = 0; r < cspNames.size(); r++) {
            List<District> districts = csps.get(cspNames.get(r));
            for (PoliceUkCategory category : PoliceUkCategory.values()) {
                now[r][category.ordinal()] = counts.total(districts, year, category);
                then[r][category.ordinal()] = counts.total(districts, year - 1, category);
            }
        }
        PublishedTable current = control.publish(CountTable.of(cspNames, PoliceUkCategory.slugs(), now), audience);
        PublishedTable previous = control.publish(CountTable.of(cspNames, PoliceUkCategory.slugs(), then), audience);
        List<CspLine> lines = new ArrayList<>();
        for (int r = 0; r < cspNames.size(); r++) {
            Figure total = Figure.of(current.rowTotals().get(r));
            Figure before = Figure.of(previous.rowTotals().get(r));
            lines.add(new CspLine(cspNames.get(r), csps.get(cspNames.get(r)).stream().map(District::code).toList(),
                    current.cells().get(r).stream().map(Figure::of).toList(), total, before, YearOnYear.percent(total, before)));
        }
        List<CategoryChange> byCategory = new ArrayList<>();
        for (int c = 0; c < categories; c++) {
            Figure total = Figure.of(current.columnTotals().get(c));
            Figure before = Figure.of(previous.columnTotals().get(c));
            byCategory.add(new CategoryChange(current.columns().get(c), total, before, YearOnYear.percent(total, before)));
        }
        Figure total = Figure.of(current.grandTotal());
        Figure before = Figure.of(previous.grandTotal());
        return new CountyBlock(lines, byCategory, total, before, YearOnYear.percent(total, before));
    }
}
