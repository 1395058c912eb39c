package org.saferkent.partnership.agreement.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.saferkent.partnership.agreement.domain.ActionOverdue;
import org.saferkent.partnership.agreement.domain.AgreementChange;
import org.saferkent.partnership.agreement.domain.CommunitySafetyAgreement;
import org.saferkent.partnership.vocabulary.KentDate;
import org.saferkent.platform.messaging.ops.SlaBreached;
import org.saferkent.platform.events.Topics;
import org.saferkent.platform.outbox.AggregateStore;
import org.saferkent.platform.outbox.ConcurrentUpdateException;
import org.saferkent.platform.outbox.Loaded;
import org.saferkent.platform.outbox.ToTopic;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Finds action plans with an action past its due date and not done, through the sparse {@code nextDueAt} index (as the
 * DHR clocks do), and records each once: {@code ActionOverdue} on the agreement's topic and {@code ops.SlaBreached}
 * (clock {@code csa-action}, subject {@code <agreementId>/<actionId>}, no district: the plan is the county's) on
 * ops.events, in the same version-checked write.
 */
public class ActionDeadlines {

    public static final String CLOCK = "csa-action";
    static final String AGGREGATE_TYPE = "community-safety-agreement";
    private static final int PAGE = 200;

    private final AggregateStore<CommunitySafetyAgreement> agreements;
    private final MongoTemplate mongo;
    private final String service;
    private final Clock clock;

    public ActionDeadlines(AggregateStore<CommunitySafetyAgreement> agreements, MongoTemplate mongo, String service, Clock clock) {
        this.agreements = agreements;
        this.mongo = mongo;
        this.service = service;
        this.clock = clock;
        mongo.indexOps(agreements.collection()).createIndex(new Index().on("nextDueAt", Sort.Direction.ASC).sparse());
    }

    /** @return the number of overdue actions recorded */
    public int recordOverdueActions() {
        Instant now = clock.instant();
        Query overdue = Query.query(Criteria.where("nextDueAt").lte(now)).limit(PAGE);
        overdue.fields().include("_id");
        int recorded = 0;
        for (Document doc : mongo.find(overdue, Document.class, agreements.collection())) {
            recorded += record(doc.getString("_id"), now);
        }
        return recorded;
    }

    private int record(String id, Instant now) {
        Loaded<CommunitySafetyAgreement> loaded = agreements.find(id).orElse(null);
        if (loaded == null) {
            return 0;
        }
        AgreementChange change = loaded.state().reportOverdue(KentDate.of(now), now);
        if (change.events().isEmpty()) {
            return 0;
        }
        List<Object> all = new ArrayList<>(change.events());
        for (Object event : change.events()) {
            if (event instanceof ActionOverdue overdue) {
                all.add(new ToTopic(Topics.OPS_EVENTS, new SlaBreached(service, CLOCK, AGGREGATE_TYPE,
                        overdue.agreementId() + "/" + overdue.actionId(), null, KentDate.endOf(overdue.dueOn()), now)));
            }
        }
        try {
            agreements.update(id, loaded.version(), change.agreement(), all);
            return change.events().size();
        } catch (ConcurrentUpdateException e) {
            return 0; // changed meanwhile: the next scan decides again
        }
    }
}
