package org.saferkent.partnership.asbreview.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.saferkent.partnership.asbreview.domain.AsbCaseReview;
import org.saferkent.partnership.asbreview.domain.AsbChange;
import org.saferkent.partnership.asbreview.domain.AsbFigures;
import org.saferkent.partnership.asbreview.domain.AsbReviewStatus;
import org.saferkent.partnership.asbreview.domain.AsbThresholds;
import org.saferkent.partnership.vocabulary.District;
import org.saferkent.partnership.vocabulary.KentDate;
import org.saferkent.platform.outbox.AggregateStore;
import org.saferkent.platform.outbox.ConcurrentUpdateException;
import org.saferkent.platform.outbox.Loaded;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** ASB case review applications (the community trigger): received, decided, reviewed; and the published figures. */
public class AsbCaseReviews {

    /** A step's decision: the application, Kent's date today and now. */
    @FunctionalInterface
    public interface Step {
        AsbChange apply(AsbCaseReview review, LocalDate today, Instant now);
    }

    private static final int ATTEMPTS = 5;

    private final AggregateStore<AsbCaseReview> reviews;
    private final MongoTemplate mongo;
    private final AsbThresholds thresholds;
    private final Clock clock;

    public AsbCaseReviews(AggregateStore<AsbCaseReview> reviews, MongoTemplate mongo, AsbThresholds thresholds, Clock clock) {
        this.reviews = reviews;
        this.mongo = mongo;
        this.thresholds = thresholds;
        this.clock = clock;
        // the figures' counts: every one an equality on district and year first
        mongo.indexOps(reviews.collection()).createIndex(new Index().on("district", Sort.Direction.ASC).on("year", Sort.Direction.ASC));
        // the performance framework's financial years: a range of dates received
        mongo.indexOps(reviews.collection()).createIndex(new Index().on("district", Sort.Direction.ASC).on("receivedOn", Sort.Direction.ASC));
    }

    public AsbThresholds thresholds() {
        return thresholds;
    }

    public AsbCaseReview apply(District district, LocalDate receivedOn, int complaints) {
        Instant now = clock.instant();
        String id = "asb-" + UUID.randomUUID();
        AsbChange change = AsbCaseReview.apply(id, district, receivedOn, complaints, thresholds, KentDate.of(now), now);
        reviews.insert(id, change.review(), change.events());
        return change.review();
    }

    public Optional<AsbCaseReview> find(String id) {
        return reviews.find(id).map(Loaded::state);
    }

    /** @throws AsbReviewNotFoundException when there is no such application */
    public AsbCaseReview perform(String id, Step step) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Loaded<AsbCaseReview> loaded = reviews.find(id).orElseThrow(() -> new AsbReviewNotFoundException(id));
            Instant now = clock.instant();
            AsbChange change = step.apply(loaded.state(), KentDate.of(now), now);
            try {
                reviews.update(id, loaded.version(), change.review(), change.events());
                return change.review();
            } catch (ConcurrentUpdateException e) {
                // changed meanwhile: decide again
            }
        }
        throw new ConcurrentUpdateException(reviews.collection(), id, -1);
    }

    /** The district's figures for the applications received in {@code year}: counts only. */
    public AsbFigures figures(District district, int year) {
        Criteria ofYear = Criteria.where("district").is(district.code()).and("year").is(year);
        long received = count(ofYear);
        long meeting = count(Criteria.where("district").is(district.code()).and("year").is(year).and("meetsThreshold").is(true));
        long carriedOut = count(Criteria.where("district").is(district.code()).and("year").is(year)
                .and("status").is(AsbReviewStatus.COMPLETED.name()));
        long withRecommendations = count(Criteria.where("district").is(district.code()).and("year").is(year)
                .and("status").is(AsbReviewStatus.COMPLETED.name()).and("recommendationCount").gt(0));
        return new AsbFigures(district.code(), year, received, meeting, carriedOut, withRecommendations);
    }

    /**
     * The figures for the applications received from {@code from} to the day before {@code until} (a financial year):
     * {@code year} in the figures is {@code from}'s.
     */
    public AsbFigures figures(District district, LocalDate from, LocalDate until) {
        java.util.function.Supplier<Criteria> received = () -> Criteria.where("district").is(district.code())
                .and("receivedOn").gte(from).lt(until);
        return new AsbFigures(district.code(), from.getYear(), count(received.get()),
                count(received.get().and("meetsThreshold").is(true)),
                count(received.get().and("status").is(AsbReviewStatus.COMPLETED.name())),
                count(received.get().and("status").is(AsbReviewStatus.COMPLETED.name()).and("recommendationCount").gt(0)));
    }

    private long count(Criteria criteria) {
        return mongo.count(Query.query(criteria), reviews.collection());
    }
}
