package org.saferkent.partnership.framework.application;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.saferkent.partnership.asbreview.application.AsbCaseReviews;
import org.saferkent.partnership.asbreview.domain.AsbFigures;
import org.saferkent.partnership.framework.domain.Measure;
import org.saferkent.partnership.framework.domain.MeasureResult;
import org.saferkent.partnership.framework.domain.Period;
import org.saferkent.partnership.framework.domain.Target;
import org.saferkent.partnership.vocabulary.District;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The performance framework for a calendar or financial year, for a district or (district null) the county: each measure's numerator and
 * denominator, its value, target and RAG. Computed when asked from the facts the consumers keep and the service's own
 * ASB case reviews; every count is served by an index.
 */
public class PerformanceFramework {

    private final MongoTemplate mongo;
    private final AsbCaseReviews asbCaseReviews;
    private final Map<Measure, Target> targets;

    public PerformanceFramework(MongoTemplate mongo, AsbCaseReviews asbCaseReviews, Map<Measure, Target> targets) {
        this.mongo = mongo;
        this.asbCaseReviews = asbCaseReviews;
        this.targets = Map.copyOf(targets);
    }

    public Target target(Measure measure) {
        return targets.get(measure);
    }

    /** Every measure for a calendar year. */
    public List<MeasureResult> measures(int year, District district) {
        return measures(Period.calendar(year), district);
    }

    public List<MeasureResult> measures(Period period, District district) {
        return Arrays.stream(Measure.values()).map(measure -> measure(measure, period, district)).toList();
    }

    public MeasureResult measure(Measure measure, int year, District district) {
        return measure(measure, Period.calendar(year), district);
    }

    public MeasureResult measure(Measure measure, Period period, District district) {
        if (measure == Measure.ASB_CASE_REVIEWS) {
            return asbCaseReviews(period, district);
        }
        if (measure == Measure.FIRST_TIME_ENTRANTS) {
            // the period's entrants as a share of the period before's
            return MeasureResult.of(measure, count(measure, period, district, true), count(measure, period.previous(), district, true),
                    targets.get(measure));
        }
        long all = count(measure, period, district, null);
        long hits = count(measure, period, district, true);
        return MeasureResult.of(measure, hits, all, targets.get(measure));
    }

    /** ASB case reviews: of the applications meeting the threshold received in the period, the share reviewed. */
    private MeasureResult asbCaseReviews(Period period, District district) {
        long meeting = 0;
        long reviewed = 0;
        for (District d : district == null ? List.of(District.values()) : List.of(district)) {
            AsbFigures figures = period.financial() ? asbCaseReviews.figures(d, period.from(), period.until())
                    : asbCaseReviews.figures(d, period.year());
            meeting += figures.applicationsMeetingThreshold();
            reviewed += figures.reviewsCarriedOut();
        }
        // a review may be held below the threshold too: the share is capped at all of them
        return MeasureResult.of(Measure.ASB_CASE_REVIEWS, Math.min(reviewed, meeting), meeting, targets.get(Measure.ASB_CASE_REVIEWS));
    }

    private long count(Measure measure, Period period, District district, Boolean hit) {
        Criteria criteria = Criteria.where("measure").is(measure.code()).and(period.field()).is(period.year());
        if (district != null) {
            criteria = criteria.and("district").is(district.code());
        }
        if (hit != null) {
            criteria = criteria.and("hit").is(hit);
        }
        return mongo.count(Query.query(criteria), FrameworkFacts.FACTS);
    }
}
