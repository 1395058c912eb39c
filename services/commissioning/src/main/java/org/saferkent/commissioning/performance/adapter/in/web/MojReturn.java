package org.saferkent.commissioning.performance.adapter.in.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

import org.saferkent.commissioning.performance.application.FeedEntry;
import org.saferkent.commissioning.performance.domain.PerformanceCounts;
import org.saferkent.commissioning.performance.domain.PerformanceMeasures;
import org.saferkent.commissioning.performance.domain.PerformanceSnapshot;

/**
 * The Ministry of Justice quarterly return as CSV (RFC 4180): one row per contract × district, the
 * same numbers as the projection. Aggregates only. A cell that could be read as a spreadsheet
 * formula is prefixed with an apostrophe.
 */
final class MojReturn {

    private record Column(String header, Function<PerformanceSnapshot, Object> value) {
    }

    private static final List<Column> COLUMNS = List.of(
            column("quarter", PerformanceSnapshot::quarter),
            column("financial_year_quarter", PerformanceSnapshot::financialYearQuarter),
            column("contract_id", PerformanceSnapshot::contractId),
            column("provider", PerformanceSnapshot::provider),
            column("service", PerformanceSnapshot::service),
            column("district", PerformanceSnapshot::district),
            column("covered_from", PerformanceSnapshot::coveredFrom),
            column("covered_to", PerformanceSnapshot::coveredTo),
            count("referrals_routed", PerformanceCounts::referralsRouted),
            count("referrals_accepted", PerformanceCounts::referralsAccepted),
            count("referrals_declined", PerformanceCounts::referralsDeclined),
            count("duplicates_linked", PerformanceCounts::duplicatesLinked),
            count("victims_supported", PerformanceCounts::victimsSupported),
            count("victim_cases_opened", PerformanceCounts::victimCasesOpened),
            count("victim_cases_declined", PerformanceCounts::victimCasesDeclined),
            count("victim_cases_unable_to_contact", PerformanceCounts::victimCasesUnableToContact),
            count("first_contacts_due", PerformanceCounts::firstContactsDue),
            count("contacted_within_deadline", PerformanceCounts::contactedWithinDeadline),
            measure("contacted_within_deadline_share", PerformanceMeasures::contactedWithinDeadlineShare),
            count("deadlines_missed", PerformanceCounts::deadlinesMissed),
            count("outcomes_recorded", PerformanceCounts::outcomesRecorded),
            count("coped_and_recovered", PerformanceCounts::copedAndRecovered),
            measure("cope_and_recover_share", PerformanceMeasures::copeAndRecoverShare),
            count("needs_with_outcome", PerformanceCounts::needsWithOutcome),
            count("needs_met", PerformanceCounts::needsMet),
            measure("needs_met_share", PerformanceMeasures::needsMetShare),
            measure("referrals_accepted_share", PerformanceMeasures::referralsAcceptedShare),
            count("rj_cases_opened", PerformanceCounts::rjCasesOpened),
            count("rj_cases_closed", PerformanceCounts::rjCasesClosed),
            count("rj_cases_completed", PerformanceCounts::rjCasesCompleted),
            measure("rj_completion_share", PerformanceMeasures::rjCompletionShare),
            count("rj_satisfaction_responses", PerformanceCounts::rjSatisfactionResponses),
            count("rj_victims_satisfied", PerformanceCounts::rjVictimsSatisfied),
            measure("rj_satisfaction_share", PerformanceMeasures::rjSatisfactionShare),
            count("rj_recommend_responses", PerformanceCounts::rjRecommendResponses),
            count("rj_would_recommend", PerformanceCounts::rjWouldRecommend),
            measure("rj_would_recommend_share", PerformanceMeasures::rjWouldRecommendShare),
            count("first_time_entrants", PerformanceCounts::firstTimeEntrants),
            count("first_time_entrants_year_before", PerformanceCounts::firstTimeEntrantsYearBefore),
            measure("fte_reduction", PerformanceMeasures::fteReduction),
            column("value_pro_rated_gbp", s -> BigDecimal.valueOf(s.counts().valueProRatedPence(), 2).toPlainString()),
            measure("cost_per_victim_supported_gbp", PerformanceMeasures::costPerVictimSupported),
            column("rag", MojReturn::rag));

    private MojReturn() {
    }

    static List<String> headers() {
        return COLUMNS.stream().map(Column::header).toList();
    }

    static String csv(List<FeedEntry> cells) {
        StringBuilder csv = new StringBuilder();
        csv.append(String.join(",", headers())).append("\r\n");
        for (FeedEntry cell : cells) {
            if (cell.performance() == null) {
                continue;
            }
            for (int i = 0; i < COLUMNS.size(); i++) {
                if (i > 0) {
                    csv.append(',');
                }
                csv.append(escape(COLUMNS.get(i).value().apply(cell.performance())));
            }
            csv.append("\r\n");
        }
        return csv.toString();
    }

    /** {@code measure:status} per target, separated by semicolons. */
    private static String rag(PerformanceSnapshot snapshot) {
        return String.join(";", snapshot.targets().stream().map(t -> t.measure() + ":" + t.status()).toList());
    }

    private static String escape(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !(value instanceof Number)) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    private static Column column(String header, Function<PerformanceSnapshot, Object> value) {
        return new Column(header, value);
    }

    private static Column count(String header, Function<PerformanceCounts, Long> value) {
        return new Column(header, s -> value.apply(s.counts()));
    }

    private static Column measure(String header, Function<PerformanceMeasures, Double> value) {
        return new Column(header, s -> value.apply(s.measures()));
    }
}
