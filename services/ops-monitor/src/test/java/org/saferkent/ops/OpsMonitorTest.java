package org.saferkent.ops;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.saferkent.platform.test.WithRealInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * ops-monitor on a random port against the real broker and store, with a small test consumer
 * ({@link TestWidgets}) in the same context. Every integration test class uses exactly this, so they
 * share one application context. Measurements run every second here instead of every ten.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SpringBootTest(classes = {OpsMonitorApplication.class, TestWidgets.class}, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.config.name=ops-monitor",
                "saferkent.ops.lag-interval=1s",
                "saferkent.ops.health-interval=1s",
                "spring.cloud.stream.kafka.bindings.deadLetterWatch-in-0.consumer.configuration.metadata.max.age.ms=1000",
                "spring.cloud.stream.kafka.bindings.deadLetterLiveView-in-0.consumer.configuration.metadata.max.age.ms=1000",
                "saferkent.ops.stream-heartbeat=1s",
                "saferkent.ops.stream-max-subscribers=6",
                "saferkent.ops.services=ops-monitor=http://127.0.0.1:${local.server.port},nowhere=http://127.0.0.1:1",
                "saferkent.ops-events.heartbeat-interval=2s",
                "saferkent.outbox.backlog.check-interval=1s",
                "saferkent.messaging.retry-attempts=1",
                "saferkent.messaging.retry-initial=50ms",
                // the test consumer is a binding beside ops-monitor's own
                "spring.cloud.function.definition=opsEventsSubscription;deadLetterWatch;opsLiveView;deadLetterLiveView;widgetSubscription",
                "spring.cloud.stream.bindings.widgetSubscription-in-0.destination=" + TestWidgets.TOPIC,
                "spring.cloud.stream.bindings.widgetSubscription-in-0.group=ops-monitor",
                // what dead-letter inspection shows of the test widgets' events (an allow-list per event type)
                "saferkent.ops.dead-letters.readable-fields[opstest.WidgetNoted.v1]=widgetId,colour",
                // the auditor's requests are few: a small limit the security test can reach, refilled only hourly
                "saferkent.security.rate-limit.clients.auditor.limit=5",
                "saferkent.security.rate-limit.clients.auditor.period=1h"})
@WithRealInfrastructure
public @interface OpsMonitorTest {
}
