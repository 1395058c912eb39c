package org.saferkent.partnership.dhr.application;

import java.util.ArrayList;
import java.util.List;

import org.saferkent.partnership.dhr.domain.DhrClocks;
import org.saferkent.partnership.dhr.domain.DhrDeadlineMissed;
import org.saferkent.platform.events.Topics;
import org.saferkent.platform.messaging.ops.SlaBreached;
import org.saferkent.platform.outbox.ToTopic;

/**
 * Every missed DHR time limit is also an operational fact: an {@code ops.SlaBreached} for operations, written in the
 * same version-checked write as the review's own {@code DhrDeadlineMissed}, so both are published once or not at all
 * (as victims and referrals raise theirs). Ids and the clock only.
 */
final class MissedDeadlines {

    static final String AGGREGATE_TYPE = "domestic-homicide-review";

    private MissedDeadlines() {
    }

    static List<Object> withOpsEvents(String service, List<Object> events) {
        List<Object> all = new ArrayList<>(events);
        for (Object event : events) {
            if (event instanceof DhrDeadlineMissed missed) {
                String subject = DhrClocks.RECOMMENDATION.equals(missed.clock())
                        ? missed.reviewId() + "/" + missed.recommendationId() : missed.reviewId();
                all.add(new ToTopic(Topics.OPS_EVENTS, new SlaBreached(service, missed.clock(), AGGREGATE_TYPE, subject,
                        missed.district(), missed.dueAt(), missed.missedAt())));
            }
        }
        return all;
    }
}
