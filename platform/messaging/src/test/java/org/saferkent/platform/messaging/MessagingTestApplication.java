package org.saferkent.platform.messaging;

import java.util.concurrent.atomic.AtomicInteger;

import org.saferkent.platform.events.InvalidEventException;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.query.Update;

/**
 * A minimal consumer: counts each district's incidents, exactly once per event, and fails on
 * purpose for district "unreachable" to exercise retries.
 */
@SpringBootApplication
class MessagingTestApplication {

    static final String TOPIC = "messagingtest.incident.events";
    static final String TYPE = "messagingtest.IncidentReported.v1";

    record IncidentReported(String incidentId, String district) {
        IncidentReported {
            if (district == null) {
                throw new InvalidEventException("missing field 'district'");
            }
        }
    }

    static final AtomicInteger transientFailuresLeft = new AtomicInteger();

    @Bean
    Subscription incidents(IdempotentWrites writes) {
        return Subscription.to(TOPIC).on(TYPE, IncidentReported.class, event -> {
            if (event.payload().district().equals("flaky") && transientFailuresLeft.getAndDecrement() > 0) {
                throw new IllegalStateException("store briefly unavailable");
            }
            if (event.payload().district().equals("unreachable")) {
                throw new IllegalStateException("store unavailable");
            }
            writes.applyOnce("district_counts", event.payload().district(), event.id(), new Update().inc("incidents", 1));
        });
    }
}
