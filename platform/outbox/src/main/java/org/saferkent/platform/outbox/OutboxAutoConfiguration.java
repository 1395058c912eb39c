package org.saferkent.platform.outbox;

import java.time.Clock;
import java.time.Duration;

import org.saferkent.platform.events.EventJson;
import org.saferkent.platform.events.EventProducer;
import org.saferkent.platform.events.EventSource;
import org.saferkent.platform.events.EventTracing;
import org.saferkent.platform.events.EventsAutoConfiguration;
import org.saferkent.platform.events.Topics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

@AutoConfiguration(after = {EventsAutoConfiguration.class, DataMongoAutoConfiguration.class})
@EnableConfigurationProperties({OutboxProperties.class, OutboxBacklogProperties.class})
public class OutboxAutoConfiguration {

    /** Ticks in milliseconds: the precision MongoDB stores, so what is answered equals what is read back. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    }

    @Bean
    @ConditionalOnMissingBean
    OutboxRelay outboxRelay(MongoTemplate mongo, EventProducer producer, Topics topics, EventJson json, EventSource source,
            OutboxProperties properties, Clock clock, EventTracing tracing) {
        return new OutboxRelay(mongo, producer, topics, json, source, properties, clock, tracing);
    }

    /** Counts the backlog lazily (every {@code saferkent.outbox.backlog.check-interval}) for metrics and ops events. */
    @Bean
    @ConditionalOnMissingBean
    BacklogMonitor outboxBacklogMonitor(OutboxRelay relay, OutboxBacklogProperties properties,
            ObjectProvider<BacklogListener> listeners, Clock clock) {
        return new BacklogMonitor(relay, properties, listeners, clock);
    }

    /** Micrometer is optional: every service has it (through actuator), the platform's own tests need not. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.core.instrument.binder.MeterBinder")
    static class OutboxMetricsConfiguration {

        @Bean
        @ConditionalOnMissingBean
        OutboxMetrics outboxMetrics(OutboxRelay relay) {
            return new OutboxMetrics(relay);
        }
    }

    @Bean
    @ConditionalOnMissingBean
    AggregateStores aggregateStores(MongoTemplate mongo, OutboxRelay relay, EventJson json, EventSource source, Topics topics, Clock clock) {
        return new AggregateStores(mongo, relay, json, source, topics, clock);
    }
}
