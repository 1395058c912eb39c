package org.saferkent.platform.events;

import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
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
        return new Topics(admin, properties);
    }

    /**
     * Trace context and correlation of events, on the service's tracer (Boot's Micrometer Tracing with the
     * OpenTelemetry bridge); a tracer of its own, exporting nothing, where the context has none.
     */
    @Bean
    @ConditionalOnMissingBean
    EventTracing eventTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator,
            ObjectProvider<ObservationRegistry> observations) {
        Tracer t = tracer.getIfAvailable();
        Propagator p = propagator.getIfAvailable();
        ObservationRegistry o = observations.getIfAvailable();
        if (t == null || t == Tracer.NOOP || p == null || o == null || o.isNoop()) {
            return EventTracing.standalone();
        }
        return new EventTracing(t, p, o);
    }

    /** The producer for events, dead letters and ops records: String keys, JSON bytes, idempotent, acks=all. */
    @Bean
    @ConditionalOnMissingBean
    @SuppressWarnings("unchecked")
    EventProducer eventProducer(ProducerFactory<?, ?> producerFactory) {
        return new EventProducer(new KafkaTemplate<>((ProducerFactory<String, byte[]>) producerFactory));
    }
}
