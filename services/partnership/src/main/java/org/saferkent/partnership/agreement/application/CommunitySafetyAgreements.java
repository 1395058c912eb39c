package org.saferkent.partnership.agreement.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.saferkent.partnership.agreement.domain.AgreementChange;
import org.saferkent.partnership.agreement.domain.AgreementRuleViolation;
import org.saferkent.partnership.agreement.domain.CommunitySafetyAgreement;
import org.saferkent.partnership.agreement.domain.Priority;
import org.saferkent.partnership.vocabulary.KentDate;
import org.saferkent.platform.outbox.AggregateStore;
import org.saferkent.platform.outbox.ConcurrentUpdateException;
import org.saferkent.platform.outbox.Loaded;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** The Community Safety Agreements, one a year, and their action plans: each change and its events one write. */
public class CommunitySafetyAgreements {

    /** A step's decision on the agreement as it stands: Kent's date today and now. */
    @FunctionalInterface
    public interface Step {
        AgreementChange apply(CommunitySafetyAgreement agreement, LocalDate today, Instant now);
    }

    private static final int ATTEMPTS = 5;
    /** The first year of the Community Safety Framework's agreements the service knows of. */
    public static final int FIRST_YEAR = 2011;

    private final AggregateStore<CommunitySafetyAgreement> agreements;
    private final MongoTemplate mongo;
    private final Clock clock;

    public CommunitySafetyAgreements(AggregateStore<CommunitySafetyAgreement> agreements, MongoTemplate mongo, Clock clock) {
        this.agreements = agreements;
        this.mongo = mongo;
        this.clock = clock;
        // the list of years
        mongo.indexOps(agreements.collection()).createIndex(new Index().on("year", Sort.Direction.ASC));
    }

    /** @throws AgreementRuleViolation when the year has an agreement already */
    public CommunitySafetyAgreement draft(int year, List<Priority> priorities, List<String> themes) {
        return insert(CommunitySafetyAgreement.draft(year, priorities, themes, clock.instant()));
    }

    /** The next year's agreement from this year's (kept as it is). */
    public CommunitySafetyAgreement refresh(int year, List<Priority> priorities, List<String> themes) {
        CommunitySafetyAgreement current = find(year).orElseThrow(() -> new AgreementNotFoundException(year));
        return insert(current.refresh(priorities, themes, clock.instant()));
    }

    public Optional<CommunitySafetyAgreement> find(int year) {
        return agreements.find(CommunitySafetyAgreement.idOf(year)).map(Loaded::state);
    }

    /** Every year's agreement, oldest first. */
    public List<CommunitySafetyAgreement> all() {
        return mongo.find(Query.query(Criteria.where("year").gte(FIRST_YEAR)).with(Sort.by("year")),
                CommunitySafetyAgreement.class, agreements.collection());
    }

    /** @throws AgreementNotFoundException when the year has no agreement */
    public CommunitySafetyAgreement perform(int year, Step step) {
        String id = CommunitySafetyAgreement.idOf(year);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Loaded<CommunitySafetyAgreement> loaded = agreements.find(id).orElseThrow(() -> new AgreementNotFoundException(year));
            Instant now = clock.instant();
            AgreementChange change = step.apply(loaded.state(), KentDate.of(now), now);
            if (change.events().isEmpty()) {
                return change.agreement();
            }
            try {
                agreements.update(id, loaded.version(), change.agreement(), change.events());
                return change.agreement();
            } catch (ConcurrentUpdateException e) {
                // changed meanwhile: decide again
            }
        }
        throw new ConcurrentUpdateException(agreements.collection(), id, -1);
    }

    private CommunitySafetyAgreement insert(AgreementChange change) {
        CommunitySafetyAgreement agreement = change.agreement();
        if (!agreements.insert(agreement.id(), agreement, change.events())) {
            throw AgreementRuleViolation.conflict("year-agreed-already", "year",
                    "the year " + agreement.year() + " has an agreement already");
        }
        return agreement;
    }
}
