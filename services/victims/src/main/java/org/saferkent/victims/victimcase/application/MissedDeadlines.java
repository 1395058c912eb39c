package org.saferkent.victims.victimcase.application;

import java.util.ArrayList;
import java.util.List;

import org.saferkent.platform.events.Topics;
import org.saferkent.platform.messaging.ops.SlaBreached;
import org.saferkent.platform.outbox.ToTopic;
import org.saferkent.victims.victimcase.domain.VictimCodeDeadlineMissed;

/**
 * Every missed Victims' Code deadline is also an operational fact: an {@code ops.SlaBreached} for
 * operations, written in the same version-checked write as the case's own event, so both are
 * published exactly once or not at all.
 */
final class MissedDeadlines {

    static final String AGGREGATE_TYPE = "victim-case";

    private MissedDeadlines() {
    }

    static List<Object> withOpsEvents(String service, List<Object> events) {
        List<Object> all = new ArrayList<>(events);
        for (Object event : events) {
            if (event instanceof VictimCodeDeadlineMissed missed) {
                all.add(new ToTopic(Topics.OPS_EVENTS, new SlaBreached(service, clockName(missed.duty()), AGGREGATE_TYPE,
                        missed.caseId(), missed.district(), missed.dueAt(), missed.missedAt())));
            }
        }
        return all;
    }

    /** e.g. {@code victims-code-first-contact}. */
    static String clockName(String duty) {
        return "victims-code-" + duty;
    }
}
