package org.saferkent.referrals.referral.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.saferkent.platform.events.Topics;
import org.saferkent.platform.messaging.ops.SlaBreached;
import org.saferkent.platform.outbox.AggregateStore;
import org.saferkent.platform.outbox.ConcurrentUpdateException;
import org.saferkent.platform.outbox.Loaded;
import org.saferkent.platform.outbox.ToTopic;
import org.saferkent.referrals.referral.domain.Referral;
import org.saferkent.referrals.referral.domain.ReferralSlaBreached;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

/**
 * Finds referrals whose deadlines passed and records each breach once: {@code ReferralSlaBreached}
 * on the referral's topic and {@code ops.SlaBreached} for operations, both in the same version-checked
 * write as the breach. Safe with several instances: when two scanners race, the version check lets
 * one win and the other finds nothing left to do.
 */
public class ReferralClocks {

    private static final Logger log = LoggerFactory.getLogger(ReferralClocks.class);
    private static final int PAGE = 200;

    private final AggregateStore<Referral> referrals;
    private final MongoTemplate mongo;
    private final String service;
    private final Clock clock;

    public ReferralClocks(AggregateStore<Referral> referrals, MongoTemplate mongo, String service, Clock clock) {
        this.referrals = referrals;
        this.mongo = mongo;
        this.service = service;
        this.clock = clock;
        // the scan for what is due reads only referrals whose clock runs (a settled one has no nextDueAt)
        mongo.getCollection(referrals.collection()).createIndex(Indexes.ascending("nextDueAt"), new IndexOptions().sparse(true));
    }

    /** @return the number of breaches recorded */
    public int recordBreaches() {
        Instant now = clock.instant();
        int breaches = 0;
        Query overdue = Query.query(Criteria.where("nextDueAt").lte(now)).limit(PAGE);
        overdue.fields().include("_id");
        List<String> ids;
        do {
            ids = mongo.find(overdue, org.bson.Document.class, referrals.collection()).stream()
                    .map(d -> d.getString("_id")).toList();
            int before = breaches;
            for (String id : ids) {
                breaches += breach(id, now);
            }
            if (breaches == before) {
                break; // nothing could be recorded this round (others got there first)
            }
        } while (ids.size() == PAGE);
        return breaches;
    }

    private int breach(String id, Instant now) {
        Loaded<Referral> loaded = referrals.find(id).orElse(null);
        if (loaded == null) {
            return 0;
        }
        Referral.Change change = loaded.state().breachOverdueClocks(now);
        if (!change.changed()) {
            return 0;
        }
        List<Object> events = new ArrayList<>(change.events());
        for (Object event : change.events()) {
            ReferralSlaBreached breached = (ReferralSlaBreached) event;
            events.add(new ToTopic(Topics.OPS_EVENTS, new SlaBreached(service, breached.clock(), "referral",
                    breached.referralId(), breached.district(), breached.dueAt(), breached.breachedAt())));
        }
        try {
            referrals.update(id, loaded.version(), change.referral(), events);
            log.info("Referral {} missed {} deadline(s)", id, change.events().size());
            return change.events().size();
        } catch (ConcurrentUpdateException e) {
            return 0; // another instance or an inbound event changed it: the next scan decides again
        }
    }
}
