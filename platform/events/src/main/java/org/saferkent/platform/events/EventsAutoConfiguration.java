package org.saferkent.platform.events;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

@AutoConfiguration(after = KafkaAutoConfiguration.class)
@EnableConfigurationProperties(EventsProperties.class)
public class EventsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    EventJson eventJson() {
        return new EventJson();
    }

    @Bean
    @ConditionalOnMissingBean
    EventSource eventSource(@Value("${spring.application.name}") String serviceName) {
        return new EventSource(serviceName);
    }

    @Bean
    @ConditionalOnMissingBean
    Topics topics(KafkaAdmin admin, EventsProperties properties) {
        return new Topics(admin, properties.partitions());
    }

    /** The producer for events, dead letters and ops records: String keys, JSON bytes, idempotent, acks=all. */
    @Bean
    @ConditionalOnMissingBean
    @SuppressWarnings("unchecked")
    EventProducer eventProducer(ProducerFactory<?, ?> producerFactory) {
        return new EventProducer(new KafkaTemplate<>((ProducerFactory<String, byte[]>) producerFactory));
    }
}
