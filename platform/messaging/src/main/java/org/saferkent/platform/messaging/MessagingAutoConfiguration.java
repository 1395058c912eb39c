package org.saferkent.platform.messaging;

import java.time.Clock;

import org.saferkent.platform.events.EventJson;
import org.saferkent.platform.events.EventProducer;
import org.saferkent.platform.events.EventSource;
import org.saferkent.platform.events.EventTracing;
import org.saferkent.platform.events.EventsAutoConfiguration;
import org.saferkent.platform.events.Topics;
import org.saferkent.platform.messaging.ops.BacklogReporter;
import org.saferkent.platform.messaging.ops.CircuitBreakerReporter;
import org.saferkent.platform.messaging.ops.ComputedHolidaysReporter;
import org.saferkent.platform.messaging.ops.OpsEvents;
import org.saferkent.platform.messaging.ops.OpsEventsProperties;
import org.saferkent.platform.messaging.ops.OpsPublisher;
import org.saferkent.platform.messaging.ops.ServiceInstance;
import org.saferkent.platform.messaging.ops.ServiceLifecycleReporter;
import org.saferkent.platform.outbox.OutboxAutoConfiguration;
import org.saferkent.platform.outbox.OutboxRelay;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.support.converter.BatchMessagingMessageConverter;
import org.springframework.kafka.support.converter.MessagingMessageConverter;

@AutoConfiguration(after = {EventsAutoConfiguration.class, OutboxAutoConfiguration.class})
@EnableConfigurationProperties({MessagingProperties.class, OpsEventsProperties.class})
public class MessagingAutoConfiguration {

    /** The bean name of the consumer bindings' converter, in {@code saferkent-messaging-defaults.properties}. */
    public static final String RAW_RECORD_CONVERTER = "saferkentRawRecordConverter";
    /** The bean name of the converter a batch-mode binding ({@link EventBatchConsumer}) names in its configuration. */
    public static final String RAW_BATCH_CONVERTER = "saferkentRawBatchConverter";

    @Bean
    @ConditionalOnMissingBean
    OpsEvents opsEvents(EventProducer producer, EventJson json, EventSource source, Clock clock, EventTracing tracing) {
        return new OpsEvents(producer, json, source, clock, tracing);
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

    /**
     * Every consumer binding's failure policy, dead letters, outage reports and client id, and its
     * topics declared before it starts (see {@link ConsumerBindings}).
     */
    @Bean
    @ConditionalOnMissingBean
    ConsumerBindings consumerBindings(ListableBeanFactory beans, BindingServiceProperties bindings, Topics topics,
            EventJson json, EventProducer producer, OpsEvents ops, OpsPublisher opsPublisher, EventSource source,
            ServiceInstance instance, MessagingProperties properties, Clock clock, ObjectProvider<MessagingMetrics> metrics,
            EventTracing tracing) {
        return new ConsumerBindings(beans, bindings, topics, json, producer, ops, opsPublisher, source, instance.id(),
                properties, metrics.getIfAvailable(() -> MessagingMetrics.NONE), clock, tracing);
    }

    /**
     * The converter of every consumer binding (named by the platform's defaults): the message carries the
     * raw {@link org.apache.kafka.clients.consumer.ConsumerRecord} ({@code kafka_data}), which
     * {@link EventConsumer} reads with its headers exactly as they are on the wire.
     */
    @Bean(RAW_RECORD_CONVERTER)
    @ConditionalOnMissingBean(name = RAW_RECORD_CONVERTER)
    MessagingMessageConverter saferkentRawRecordConverter() {
        MessagingMessageConverter converter = new MessagingMessageConverter();
        converter.setRawRecordHeader(true);
        return converter;
    }

    /**
     * The converter of a batch-mode binding ({@link EventBatchConsumer}): the message carries the poll's raw
     * {@link org.apache.kafka.clients.consumer.ConsumerRecord}s ({@code kafka_data}).
     */
    @Bean(RAW_BATCH_CONVERTER)
    @ConditionalOnMissingBean(name = RAW_BATCH_CONVERTER)
    BatchMessagingMessageConverter saferkentRawBatchConverter() {
        BatchMessagingMessageConverter converter = new BatchMessagingMessageConverter();
        converter.setRawRecordHeader(true);
        return converter;
    }

    /** Gives each {@link EventConsumer} and {@link EventBatchConsumer} bean what it dispatches with (resolved at its first record). */
    @Bean
    static BeanPostProcessor eventConsumerRuntime(ObjectProvider<ConsumerBindings> bindings) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof EventConsumer consumer) {
                    consumer.runWith(bindings::getObject);
                } else if (bean instanceof EventBatchConsumer<?> consumer) {
                    consumer.runWith(bindings::getObject);
                }
                return bean;
            }
        };
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

    /** Working days are optional: a service that counts them reports a year beyond its bank-holiday list. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.saferkent.platform.workingdays.ComputedHolidaysListener")
    static class ComputedHolidaysOpsConfiguration {

        @Bean
        @ConditionalOnMissingBean
        ComputedHolidaysReporter computedHolidaysReporter(OpsPublisher publisher, ServiceInstance instance,
                EventSource source, Clock clock) {
            return new ComputedHolidaysReporter(publisher, instance, source.serviceName(), clock);
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
