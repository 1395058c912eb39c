package org.saferkent.partnership.panel.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.saferkent.partnership.framework.application.PerformanceFramework;
import org.saferkent.partnership.framework.domain.Measure;
import org.saferkent.partnership.framework.domain.MeasureResult;
import org.saferkent.partnership.framework.domain.Target;
import org.saferkent.partnership.vocabulary.District;
import org.saferkent.platform.disclosure.Audiences;
import org.saferkent.platform.disclosure.CountTable;
import org.saferkent.platform.disclosure.DisclosureControl;
import org.saferkent.platform.disclosure.PublishedCount;
import org.saferkent.platform.disclosure.PublishedRate;
import org.saferkent.platform.disclosure.PublishedTable;

/**
 * What the Police and Crime Panel sees: aggregates only, every one through statistical disclosure control for the
 * audience {@code police-crime-panel} (counts from 1 to 4 suppressed, and what would reveal them). The framework's
 * measures as one table per measure (districts × met / not met, with totals), the rate from published counts only;
 * the commissioning figures as one table per count (districts × quarters).
 */
public class PanelView {

    public static final String AUDIENCE = Audiences.POLICE_CRIME_PANEL;
    static final List<String> MET = List.of("met", "not-met");
    static final List<String> QUARTERS = List.of("Q1", "Q2", "Q3", "Q4");

    private final PerformanceFramework framework;
    private final CommissioningFigures commissioning;
    private final DisclosureControl disclosure;

    public PanelView(PerformanceFramework framework, CommissioningFigures commissioning, DisclosureControl disclosure) {
        this.framework = framework;
        this.commissioning = commissioning;
        this.disclosure = disclosure;
    }

    /** A published figure: a number, or suppressed (with why: primary or secondary). */
    public record Figure(Integer value, String suppressed) {

        static Figure of(PublishedCount count) {
            return count.isSuppressed() ? new Figure(null, count.suppression().name().toLowerCase(java.util.Locale.ROOT))
                    : new Figure(count.value(), null);
        }
    }

    public record Rate(Double percent, String suppressed) {

        static Rate of(PublishedRate rate) {
            if (rate.isSuppressed()) {
                return new Rate(null, rate.suppression().name().toLowerCase(java.util.Locale.ROOT));
            }
            return new Rate(rate.isPublished() ? rate.percent(1) : null, null);
        }
    }

    public record AreaMeasure(String area, Figure met, Figure of, Rate rate, String rag) {
    }

    public record MeasureTable(String measure, double target, boolean higherIsBetter, List<AreaMeasure> areas) {
    }

    public record CountRow(String district, List<Figure> quarters, Figure total) {
    }

    public record CountTableView(String count, List<String> quarters, List<CountRow> rows, List<Figure> quarterTotals, Figure total) {
    }

    public record View(int year, String audience, List<MeasureTable> measures, List<CountTableView> commissioning) {
    }

    public View of(int year) {
        List<String> districts = District.codes();
        List<MeasureTable> measures = new ArrayList<>();
        for (Measure measure : Measure.values()) {
            if (measure == Measure.FIRST_TIME_ENTRANTS) {
                // not a share of a whole (this year's entrants against last year's): no met / not-met table to publish
                continue;
            }
            CountTable.Builder table = CountTable.builder(districts, MET);
            for (District district : District.values()) {
                MeasureResult r = framework.measure(measure, year, district);
                table.add(district.code(), "met", (int) r.numerator());
                table.add(district.code(), "not-met", (int) (r.denominator() - r.numerator()));
            }
            PublishedTable shown = disclosure.publish(table.build(), AUDIENCE);
            Target target = framework.target(measure);
            List<AreaMeasure> areas = new ArrayList<>();
            for (String district : districts) {
                areas.add(area(district, shown.cell(district, "met"), shown.rowTotal(district), target));
            }
            areas.add(area("kent", shown.columnTotal("met"), shown.grandTotal(), target));
            measures.add(new MeasureTable(measure.code(), target.percent(), target.higherIsBetter(), areas));
        }
        Map<String, Map<String, Map<String, Integer>>> sums = commissioning.year(year);
        List<CountTableView> counts = new ArrayList<>();
        for (String name : CommissioningFigures.COUNTS) {
            CountTable.Builder table = CountTable.builder(districts, QUARTERS);
            sums.getOrDefault(name, Map.of()).forEach((district, byQuarter) ->
                    byQuarter.forEach((quarter, value) -> table.add(district, quarter, value)));
            PublishedTable shown = disclosure.publish(table.build(), AUDIENCE);
            List<CountRow> rows = districts.stream().map(d -> new CountRow(d,
                    QUARTERS.stream().map(q -> Figure.of(shown.cell(d, q))).toList(), Figure.of(shown.rowTotal(d)))).toList();
            counts.add(new CountTableView(name, QUARTERS, rows, QUARTERS.stream().map(q -> Figure.of(shown.columnTotal(q))).toList(),
                    Figure.of(shown.grandTotal())));
        }
        return new View(year, AUDIENCE, measures, counts);
    }

    private static AreaMeasure area(String area, PublishedCount met, PublishedCount of, Target target) {
        PublishedRate rate = PublishedRate.of(met, of);
        String rag = rate.isPublished() && rate.percent(1) != null ? target.rag(rate.percent(1)).code()
                : rate.isSuppressed() ? "suppressed" : "no-data";
        return new AreaMeasure(area, Figure.of(met), Figure.of(of), Rate.of(rate), rag);
    }
}
