package org.saferkent.ops;

import java.time.Clock;
import java.util.Map;
import java.util.regex.Pattern;

import org.saferkent.ops.picture.DeadLetterWatch;
import org.saferkent.ops.picture.OperationalPicture;
import org.saferkent.platform.events.EventSource;
import org.saferkent.platform.events.Topics;
import org.saferkent.platform.messaging.Subscription;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.ConsumerFactory;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OpsProperties.class)
class OpsMonitorConfiguration {

    @Bean
    OperationalPicture operationalPicture(MongoTemplate mongo, Clock clock) {
        return new OperationalPicture(mongo, clock);
    }

    /** Every type on ops.events is recorded, including types added after this service was built. */
    @Bean
    Subscription opsEventsSubscription(OperationalPicture picture) {
        return Subscription.to(Topics.OPS_EVENTS).otherwise(Map.class, picture::record);
    }

    @Bean
    @SuppressWarnings("unchecked")
    DeadLetterWatch deadLetterWatch(ConsumerFactory<?, ?> consumerFactory, EventSource source, OpsProperties properties,
            OperationalPicture picture) {
        return new DeadLetterWatch((ConsumerFactory<String, byte[]>) consumerFactory, source.serviceName(),
                Pattern.compile(properties.deadLetterPattern()), properties.topicDiscoveryInterval().toMillis(), picture);
    }
}
