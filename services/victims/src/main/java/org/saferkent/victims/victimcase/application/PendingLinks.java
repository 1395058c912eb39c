package org.saferkent.victims.victimcase.application;

import java.time.Clock;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

/**
 * Duplicates waiting for the case of the referral they duplicate: a {@code referrals.ReferralLinked.v1}
 * can be handled before the {@code referrals.ReferralRouted.v1} that opens that case (the two travel on
 * different keys). One document per referral waited for, holding the duplicates' ids and the link
 * events' ids; nothing personal. Every write is one idempotent single-document operation, so no
 * transaction is needed: remembering a link twice holds it once, and forgetting one already applied
 * to the case is safe (the case holds it).
 */
public class PendingLinks {

    static final String COLLECTION = "victim_pending_links";

    /** A duplicate waiting to join the case of {@code linkedTo}, and the id of the event that linked it. */
    public record PendingLink(String referralId, String eventId) {
    }

    private final MongoTemplate mongo;
    private final Clock clock;

    public PendingLinks(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Remembers a duplicate waiting for the case of {@code linkedTo}; idempotent per link event. */
    public void remember(String linkedTo, PendingLink waiting) {
        mongo.getCollection(COLLECTION).updateOne(Filters.eq("_id", linkedTo),
                Updates.combine(Updates.addToSet("links", link(waiting)),
                        Updates.setOnInsert("since", Date.from(clock.instant()))),
                new UpdateOptions().upsert(true));
    }

    /** The duplicates waiting for {@code linkedTo}'s case, in the order they were linked. */
    public List<PendingLink> waitingFor(String linkedTo) {
        Document doc = mongo.getCollection(COLLECTION).find(Filters.eq("_id", linkedTo)).first();
        if (doc == null) {
            return List.of();
        }
        return doc.getList("links", Document.class, List.of()).stream()
                .map(d -> new PendingLink(d.getString("referralId"), d.getString("eventId"))).toList();
    }

    /** Forgets a link once the case holds it; the document goes when nothing waits on it any more. */
    public void forget(String linkedTo, PendingLink applied) {
        mongo.getCollection(COLLECTION).updateOne(Filters.eq("_id", linkedTo),
                Updates.pull("links", link(applied)));
        mongo.getCollection(COLLECTION).deleteOne(Filters.and(Filters.eq("_id", linkedTo), Filters.size("links", 0)));
    }

    private static Document link(PendingLink link) {
        return new Document("referralId", link.referralId()).append("eventId", link.eventId());
    }
}
