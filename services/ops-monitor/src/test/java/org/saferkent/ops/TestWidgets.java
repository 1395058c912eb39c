package org.saferkent.ops;

import java.util.concurrent.atomic.AtomicBoolean;

import org.saferkent.platform.events.InvalidEventException;
import org.saferkent.platform.messaging.IdempotentWrites;
import org.saferkent.platform.messaging.EventConsumer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.query.Update;

/**
 * A small consumer beside ops-monitor in the test context, with the platform's failure policy: it
 * counts widgets exactly once per event (deduplicated on ce_id), and until it is "fixed" it cannot
 * read the colour {@code ultraviolet}, so such a record is dead-lettered.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestWidgets {

    public static final String TOPIC = "opstest.widget.events";
    public static final String TYPE = "opstest.WidgetNoted.v1";
    public static final String COLLECTION = "test_widgets";
    /** The defect: cleared by a test to stand for the fix being deployed. */
    public static final AtomicBoolean rejectUltraviolet = new AtomicBoolean(true);

    public record WidgetNoted(String widgetId, String colour) {
    }

    @Bean
    EventConsumer widgetSubscription(IdempotentWrites writes) {
        return EventConsumer.routing().on(TYPE, WidgetNoted.class, event -> {
            if ("ultraviolet".equals(event.payload().colour()) && rejectUltraviolet.get()) {
                throw new InvalidEventException("field 'colour' has a value this consumer does not know");
            }
            writes.applyOnce(COLLECTION, event.payload().widgetId(), event.id(), new Update().inc("processed", 1));
        });
    }
}
