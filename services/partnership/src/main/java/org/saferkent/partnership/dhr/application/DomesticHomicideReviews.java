package org.saferkent.partnership.dhr.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.saferkent.partnership.dhr.domain.Change;
import org.saferkent.partnership.dhr.domain.DomesticHomicideReview;
import org.saferkent.partnership.vocabulary.District;
import org.saferkent.partnership.vocabulary.KentDate;
import org.saferkent.platform.outbox.AggregateStore;
import org.saferkent.platform.outbox.ConcurrentUpdateException;
import org.saferkent.platform.outbox.Loaded;

/**
 * Domestic Homicide Reviews: a notification opens one; each later step loads it, lets it decide, and stores the
 * new state with its events (and any {@code ops.SlaBreached}) in one version-checked write. A refused step writes
 * nothing.
 */
public class DomesticHomicideReviews {

    /** A step's decision: the review, Kent's date today and now. */
    @FunctionalInterface
    public interface Step {
        Change apply(DomesticHomicideReview review, LocalDate today, Instant now);
    }

    private static final int ATTEMPTS = 5;

    private final AggregateStore<DomesticHomicideReview> reviews;
    private final PersonalDetailsStore personalDetails;
    private final String service;
    private final Clock clock;

    public DomesticHomicideReviews(AggregateStore<DomesticHomicideReview> reviews, PersonalDetailsStore personalDetails,
            String service, Clock clock) {
        this.reviews = reviews;
        this.personalDetails = personalDetails;
        this.service = service;
        this.clock = clock;
    }

    /**
     * Records a notification. Its personal details, if any, are stored first, apart and sealed: a review is never
     * announced whose details were lost, and a failed notification leaves at most details nothing points to.
     */
    public DomesticHomicideReview notify(District district, LocalDate notifiedOn, List<String> agenciesInvolved,
            PersonalDetails details) {
        Instant now = clock.instant();
        String id = "dhr-" + UUID.randomUUID();
        Change change = DomesticHomicideReview.notify(id, district, notifiedOn, agenciesInvolved, KentDate.of(now), now);
        if (details != null && !details.empty()) {
            personalDetails.save(id, details);
        }
        reviews.insert(id, change.review(), MissedDeadlines.withOpsEvents(service, change.events()));
        return change.review();
    }

    public Optional<DomesticHomicideReview> find(String id) {
        return reviews.find(id).map(Loaded::state);
    }

    public Optional<PersonalDetails> personalDetails(String id) {
        return personalDetails.find(id);
    }

    /** What an erasure of a review's personal details did: the review, the data keys destroyed, when. */
    public record Erasure(String reviewId, long keysDestroyed, Instant erasedAt) {
    }

    /**
     * The data protection officer's erasure of a review's personal details (the victim's and the perpetrator's names,
     * the date of death): their data key is destroyed, so they can never be read again (crypto-shredding). The review
     * itself — district, dates, deadlines, panel, recommendations, its events — holds no personal data and stays as it
     * is; nothing is published. Idempotent: erasing again destroys nothing more.
     *
     * @throws ReviewNotFoundException when there is no such review
     */
    public Erasure erasePersonalDetails(String id) {
        reviews.find(id).orElseThrow(() -> new ReviewNotFoundException(id));
        Instant now = clock.instant();
        return new Erasure(id, personalDetails.erase(id, now), now);
    }

    /** @throws ReviewNotFoundException when there is no such review */
    public DomesticHomicideReview perform(String id, Step step) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Loaded<DomesticHomicideReview> loaded = reviews.find(id).orElseThrow(() -> new ReviewNotFoundException(id));
            Instant now = clock.instant();
            Change change = step.apply(loaded.state(), KentDate.of(now), now);
            if (!change.changed()) {
                return loaded.state();
            }
            try {
                reviews.update(id, loaded.version(), change.review(), MissedDeadlines.withOpsEvents(service, change.events()));
                return change.review();
            } catch (ConcurrentUpdateException e) {
                // the review moved on meanwhile (another request, the deadline scan): decide again
            }
        }
        throw new ConcurrentUpdateException(reviews.collection(), id, -1);
    }

    /** A new recommendation's id. */
    public static String newRecommendationId() {
        return "rec-" + UUID.randomUUID().toString().substring(0, 8);
    }

}
