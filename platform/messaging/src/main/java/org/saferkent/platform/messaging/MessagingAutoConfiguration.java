package org.saferkent.platform.messaging;

import java.time.Clock;
import java.util.List;

import org.saferkent.platform.events.EventJson;
import org.saferkent.platform.events.EventProducer;
import org.saferkent.platform.events.EventSource;
import org.saferkent.platform.events.EventsAutoConfiguration;
import org.saferkent.platform.events.InvalidEventException;
import org.saferkent.platform.events.Topics;
import org.saferkent.platform.messaging.ops.OpsEvents;
import org.saferkent.platform.outbox.OutboxAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

@AutoConfiguration(after = {EventsAutoConfiguration.class, OutboxAutoConfiguration.class})
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    OpsEvents opsEvents(EventProducer producer, EventJson json, EventSource source, Clock clock) {
        return new OpsEvents(producer, json, source, clock);
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
            EventJson json, Topics topics, EventSource source, EventProducer producer, OpsEvents ops,
            MessagingProperties properties, Clock clock) {
        String group = properties.group() != null && !properties.group().isBlank() ? properties.group() : source.serviceName();
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(properties.retryAttempts());
        backOff.setInitialInterval(properties.retryInitial().toMillis());
        backOff.setMultiplier(2.0);
        backOff.setMaxInterval(properties.retryMax().toMillis());
        DefaultErrorHandler errorHandler = new DefaultErrorHandler(
                new DeadLetters(producer, ops, source, group, clock), backOff);
        errorHandler.addNotRetryableExceptions(InvalidEventException.class);
        errorHandler.setCommitRecovered(true);
        return new Subscriptions(List.copyOf(subscriptions.orderedStream().toList()),
                (ConsumerFactory<String, byte[]>) consumerFactory, json, topics, group, errorHandler);
    }
}
