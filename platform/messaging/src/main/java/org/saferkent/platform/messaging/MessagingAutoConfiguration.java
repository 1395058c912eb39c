package org.saferkent.platform.messaging;

import java.time.Clock;
import java.util.List;

import org.saferkent.platform.events.EventJson;
import org.saferkent.platform.events.EventProducer;
import org.saferkent.platform.events.EventSource;
import org.saferkent.platform.events.EventsAutoConfiguration;
import org.saferkent.platform.events.Topics;
import org.saferkent.platform.messaging.ops.BacklogReporter;
import org.saferkent.platform.messaging.ops.CircuitBreakerReporter;
import org.saferkent.platform.messaging.ops.OpsEvents;
import org.saferkent.platform.messaging.ops.OpsEventsProperties;
import org.saferkent.platform.messaging.ops.OpsPublisher;
import org.saferkent.platform.messaging.ops.ServiceInstance;
import org.saferkent.platform.messaging.ops.ServiceLifecycleReporter;
import org.saferkent.platform.outbox.OutboxAutoConfiguration;
import org.saferkent.platform.outbox.OutboxRelay;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;

@AutoConfiguration(after = {EventsAutoConfiguration.class, OutboxAutoConfiguration.class})
@EnableConfigurationProperties({MessagingProperties.class, OpsEventsProperties.class})
public class MessagingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    OpsEvents opsEvents(EventProducer producer, EventJson json, EventSource source, Clock clock) {
        return new OpsEvents(producer, json, source, clock);
    }

    @Bean
    @ConditionalOnMissingBean
    ServiceInstance serviceInstance() {
        return ServiceInstance.create();
    }

    @Bean
    @ConditionalOnMissingBean
    OpsPublisher opsPublisher(OpsEvents ops) {
        return new OpsPublisher(ops);
    }

    /** ops.ServiceStarted / ops.ServiceStopping for every service. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(name = "saferkent.ops-events.lifecycle", havingValue = "true", matchIfMissing = true)
    ServiceLifecycleReporter serviceLifecycleReporter(ApplicationContext context, OpsPublisher publisher,
            ServiceInstance instance, OpsEventsProperties properties, Clock clock) {
        return new ServiceLifecycleReporter(context, publisher, instance, properties, clock);
    }

    /** ops.OutboxBacklogHigh / ops.OutboxBacklogCleared on crossing, ops.ServiceHeartbeat with the backlog. */
    @Bean
    @ConditionalOnMissingBean
    BacklogReporter backlogReporter(OpsEvents ops, OutboxRelay relay, ServiceInstance instance,
            OpsEventsProperties properties) {
        return new BacklogReporter(ops, relay, instance, properties.heartbeatInterval());
    }

    @Bean
    @ConditionalOnMissingBean
    IdempotentWrites idempotentWrites(MongoTemplate mongo) {
        return new IdempotentWrites(mongo);
    }

    @Bean
    @ConditionalOnMissingBean
    @SuppressWarnings("unchecked")
    Subscriptions subscriptions(ObjectProvider<Subscription> subscriptions, ConsumerFactory<?, ?> consumerFactory,
            EventJson json, Topics topics, EventSource source, EventProducer producer, OpsEvents ops, OpsPublisher opsPublisher,
            ServiceInstance instance, MessagingProperties properties, Clock clock, ObjectProvider<MessagingMetrics> metricsProvider) {
        String group = properties.group() != null && !properties.group().isBlank() ? properties.group() : source.serviceName();
        MessagingMetrics metrics = metricsProvider.getIfAvailable(() -> MessagingMetrics.NONE);
        ConsumerOutages outages = new ConsumerOutages(opsPublisher, source.serviceName(), instance.id(), group, clock);
        DefaultErrorHandler errorHandler = new ConsumerFailurePolicy(properties)
                .errorHandler(new DeadLetters(producer, ops, source, group, clock, metrics), outages);
        return new Subscriptions(List.copyOf(subscriptions.orderedStream().toList()),
                (ConsumerFactory<String, byte[]>) consumerFactory, json, topics, group, errorHandler, metrics, outages);
    }

    /** Micrometer is optional: every service has it (through actuator), the platform's own tests need not. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
    static class MessagingMetricsConfiguration {

        @Bean
        @ConditionalOnMissingBean
        MessagingMetrics messagingMetrics(ObjectProvider<io.micrometer.core.instrument.MeterRegistry> registry) {
            return new MicrometerMessagingMetrics(registry);
        }
    }

    /** Resilience4j is optional: services with circuit breakers get their state changes on ops.events. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.github.resilience4j.circuitbreaker.CircuitBreaker")
    @ConditionalOnProperty(name = "saferkent.ops-events.circuits", havingValue = "true", matchIfMissing = true)
    static class CircuitBreakerOpsConfiguration {

        @Bean
        @ConditionalOnMissingBean
        CircuitBreakerReporter circuitBreakerReporter(ListableBeanFactory beans, OpsPublisher publisher,
                ServiceInstance instance, EventSource source, Clock clock) {
            return new CircuitBreakerReporter(beans, publisher, instance, source.serviceName(), clock);
        }
    }
}
