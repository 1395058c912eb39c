package org.saferkent.partnership.panel.application;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.saferkent.partnership.framework.application.PerformanceFramework;
import org.saferkent.partnership.framework.domain.Measure;
import org.saferkent.partnership.framework.domain.MeasureResult;
import org.saferkent.partnership.framework.domain.Period;
import org.saferkent.partnership.framework.domain.Target;
import org.saferkent.partnership.vocabulary.District;
import org.saferkent.platform.disclosure.Audiences;
import org.saferkent.platform.disclosure.CountTable;
import org.saferkent.platform.disclosure.DisclosureControl;
import org.saferkent.platform.disclosure.PublishedCount;
import org.saferkent.platform.disclosure.PublishedRate;
import org.saferkent.platform.disclosure.PublishedTable;

/**
 * What the Police and Crime Panel sees for a financial year (April to March, named by the year it starts): aggregates
 * only, every one through statistical disclosure control for the audience {@code police-crime-panel} (counts from 1
 * to 4 suppressed, and what would reveal them). Each of the framework's measures as one table: a share measure as
 * districts × met / not met, with totals; first-time entrants as districts × this year / the year before. The rate is
 * computed from published counts only. The commissioning figures as one table per count (districts × the year's
 * quarters, April to June first).
 */
public class PanelView {

    public static final String AUDIENCE = Audiences.POLICE_CRIME_PANEL;
    /** A share measure's table: of the cases counted, those that met it and those that did not. */
    static final List<String> MET = List.of("met", "not-met");
    /** First-time entrants' table: this year's entrants and the year before's. */
    static final List<String> AGAINST_YEAR_BEFORE = List.of("this-year", "year-before");
    /** {@link MeasureTable#kind()}: met of all counted. */
    public static final String SHARE = "share";
    /** {@link MeasureTable#kind()}: the year's count as a percentage of the year before's. */
    public static final String AGAINST_THE_YEAR_BEFORE = "against-year-before";

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

    /**
     * A measure in one area: {@code numerator} of {@code denominator} as {@code rate} (percent), and its RAG as a word
     * ({@code suppressed} or {@code no-data} when there is no published rate). A share measure: met of all counted;
     * first-time entrants: this year's of the year before's.
     */
    public record AreaMeasure(String area, Figure numerator, Figure denominator, Rate rate, String rag) {
    }

    /** One measure's table: {@code kind} {@value #SHARE} or {@value #AGAINST_THE_YEAR_BEFORE}; the districts, then kent. */
    public record MeasureTable(String measure, String kind, double target, boolean higherIsBetter, List<AreaMeasure> areas) {
    }

    public record CountRow(String district, List<Figure> quarters, Figure total) {
    }

    /** {@code quarters}: the financial year's four calendar quarters as the feed names them ({@code 2026-Q2} .. {@code 2027-Q1}). */
    public record CountTableView(String count, List<String> quarters, List<CountRow> rows, List<Figure> quarterTotals, Figure total) {
    }

    /**
     * The view of financial year {@code financialYear} ({@code label} 2026-27), {@code from} its first day {@code to} its
     * last.
     */
    public record View(int financialYear, String label, LocalDate from, LocalDate to, String audience,
            List<MeasureTable> measures, List<CountTableView> commissioning) {
    }

    public View ofFinancialYear(int financialYear) {
        Period period = Period.financialYear(financialYear);
        List<String> districts = District.codes();
        List<MeasureTable> measures = new ArrayList<>();
        for (Measure measure : Measure.values()) {
            measures.add(measure == Measure.FIRST_TIME_ENTRANTS ? againstTheYearBefore(measure, period, districts)
                    : share(measure, period, districts));
        }
        List<String> quarters = CommissioningFigures.quartersOfFinancialYear(financialYear);
        Map<String, Map<String, Map<String, Integer>>> sums = commissioning.financialYear(financialYear);
        List<CountTableView> counts = new ArrayList<>();
        for (String name : CommissioningFigures.COUNTS) {
            CountTable.Builder table = CountTable.builder(districts, quarters);
            sums.getOrDefault(name, Map.of()).forEach((district, byQuarter) ->
                    byQuarter.forEach((quarter, value) -> table.add(district, quarter, value)));
            PublishedTable shown = disclosure.publish(table.build(), AUDIENCE);
            List<CountRow> rows = districts.stream().map(d -> new CountRow(d,
                    quarters.stream().map(q -> Figure.of(shown.cell(d, q))).toList(), Figure.of(shown.rowTotal(d)))).toList();
            counts.add(new CountTableView(name, quarters, rows, quarters.stream().map(q -> Figure.of(shown.columnTotal(q))).toList(),
                    Figure.of(shown.grandTotal())));
        }
        return new View(financialYear, financialYear + "-" + String.format("%02d", (financialYear + 1) % 100), period.from(),
                period.until().minusDays(1), AUDIENCE, measures, counts);
    }

    /** A share: districts × met / not met; each area's rate is met of its row total, Kent's of the grand total. */
    private MeasureTable share(Measure measure, Period period, List<String> districts) {
        CountTable.Builder table = CountTable.builder(districts, MET);
        for (District district : District.values()) {
            MeasureResult r = framework.measure(measure, period, district);
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
        return new MeasureTable(measure.code(), SHARE, target.percent(), target.higherIsBetter(), areas);
    }

    /**
     * A count against the year before (first-time entrants): districts × this year / the year before, both columns
     * through disclosure control together (a small count in either year is suppressed, and what would reveal it).
     */
    private MeasureTable againstTheYearBefore(Measure measure, Period period, List<String> districts) {
        CountTable.Builder table = CountTable.builder(districts, AGAINST_YEAR_BEFORE);
        for (District district : District.values()) {
            MeasureResult r = framework.measure(measure, period, district);
            table.add(district.code(), "this-year", (int) r.numerator());
            table.add(district.code(), "year-before", (int) r.denominator());
        }
        PublishedTable shown = disclosure.publish(table.build(), AUDIENCE);
        Target target = framework.target(measure);
        List<AreaMeasure> areas = new ArrayList<>();
        for (String district : districts) {
            areas.add(area(district, shown.cell(district, "this-year"), shown.cell(district, "year-before"), target));
        }
        areas.add(area("kent", shown.columnTotal("this-year"), shown.columnTotal("year-before"), target));
        return new MeasureTable(measure.code(), AGAINST_THE_YEAR_BEFORE, target.percent(), target.higherIsBetter(), areas);
    }

    private static AreaMeasure area(String area, PublishedCount numerator, PublishedCount denominator, Target target) {
        PublishedRate rate = PublishedRate.of(numerator, denominator);
        String rag = rate.isPublished() && rate.percent(1) != null ? target.rag(rate.percent(1)).code()
                : rate.isSuppressed() ? "suppressed" : "no-data";
        return new AreaMeasure(area, Figure.of(numerator), Figure.of(denominator), Rate.of(rate), rag);
    }
}
