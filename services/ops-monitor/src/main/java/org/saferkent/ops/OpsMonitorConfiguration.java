package org.saferkent.ops;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.saferkent.ops.bindings.CallerAccessToken;
import org.saferkent.ops.bindings.ServiceBindings;
import org.saferkent.ops.deadletters.AuditTrail;
import org.saferkent.ops.deadletters.DeadLetterActions;
import org.saferkent.ops.deadletters.DeadLetterReader;
import org.saferkent.ops.deadletters.PersonalDataMask;
import org.saferkent.ops.health.ServiceHealth;
import org.saferkent.ops.lag.ConsumerLag;
import org.saferkent.ops.picture.DeadLetterWatch;
import org.saferkent.ops.picture.OperationalPicture;
import org.saferkent.ops.picture.OpsLiveView;
import org.saferkent.ops.picture.OpsOverview;
import org.saferkent.ops.stream.OpsStream;
import org.saferkent.ops.stream.StreamEvent;
import org.saferkent.platform.events.EventJson;
import org.saferkent.platform.events.EventProducer;
import org.saferkent.platform.messaging.EventConsumer;
import org.saferkent.platform.service.PeriodicTask;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.web.AuthenticatedPrincipalOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OpsProperties.class)
class OpsMonitorConfiguration {

    @Bean
    History history(OpsProperties properties) {
        return new History(properties.historySize());
    }

    @Bean
    OpsStream opsStream(OpsProperties properties) {
        return new OpsStream(properties.streamMaxSubscribers(), properties.streamTimeout());
    }

    @Bean
    PeriodicTask opsStreamHeartbeat(OpsStream stream, OpsProperties properties) {
        return new PeriodicTask("ops-stream-heartbeat", properties.streamHeartbeat(), stream::heartbeat);
    }

    @Bean
    OperationalPicture operationalPicture(MongoTemplate mongo, Clock clock, OpsStream stream, History history) {
        return new OperationalPicture(mongo, clock, stream, history);
    }

    /** Every type on ops.events is recorded, including types added after this service was built. */
    @Bean
    EventConsumer opsEventsSubscription(OperationalPicture picture) {
        return EventConsumer.routing().otherwise(Map.class, event -> picture.record(event));
    }

    /** ops.events on every instance (an anonymous binding): this instance's live stream and backlog history. */
    @Bean
    OpsLiveView opsLiveView(OperationalPicture picture, EventJson json) {
        return new OpsLiveView(picture, json);
    }

    /** Every dead-letter topic (a pattern binding, see ops-monitor.yml) into the operational picture. */
    @Bean
    DeadLetterWatch deadLetterWatch(OperationalPicture picture) {
        return new DeadLetterWatch(picture::deadLettered);
    }

    /** Every dead-letter topic on every instance (an anonymous pattern binding): this instance's live stream. */
    @Bean
    DeadLetterWatch deadLetterLiveView(OperationalPicture picture) {
        return new DeadLetterWatch(picture::deadLetterSeen);
    }

    @Bean(destroyMethod = "close")
    ConsumerLag consumerLag(KafkaAdmin admin, History history, Clock clock, OpsStream stream) {
        return new ConsumerLag(admin.getConfigurationProperties(), history, clock, snapshot -> {
            Map<String, Object> totals = new LinkedHashMap<>();
            snapshot.groups().forEach(group -> totals.put(group.group(), group.totalLag()));
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("groups", totals);
            data.put("error", snapshot.error());
            stream.publish(monitorEvent("LagMeasured", snapshot.measuredAt(), data));
        });
    }

    /** Lag is measured by this task, never per request. */
    @Bean
    PeriodicTask consumerLagTask(ConsumerLag lag, OpsProperties properties) {
        return new PeriodicTask("consumer-lag", properties.lagInterval(), lag::measure);
    }

    @Bean
    ServiceHealth serviceHealth(OpsProperties properties, Environment environment, Clock clock, OpsStream stream) {
        return new ServiceHealth(properties.services(), environment::resolvePlaceholders, properties.healthTimeout(), clock,
                statuses -> {
                    Map<String, Object> data = new LinkedHashMap<>();
                    statuses.forEach(status -> data.put(status.service(), status.status()));
                    stream.publish(monitorEvent("HealthChecked", clock.instant(), data));
                });
    }

    @Bean
    PeriodicTask serviceHealthTask(ServiceHealth health, OpsProperties properties) {
        return new PeriodicTask("service-health", properties.healthInterval(), health::poll);
    }

    @Bean
    OpsOverview opsOverview(OperationalPicture picture, ConsumerLag lag, ServiceHealth health, Clock clock) {
        return new OpsOverview(picture, lag, health, clock);
    }

    @Bean
    PersonalDataMask personalDataMask(EventJson json, OpsProperties properties) {
        return new PersonalDataMask(json.mapper(), PersonalDataMask.shippedReadableFields(properties.deadLetters().readableFields()));
    }

    @Bean
    AuditTrail auditTrail(MongoTemplate mongo, Clock clock) {
        return new AuditTrail(mongo, clock);
    }

    @Bean
    @SuppressWarnings("unchecked")
    DeadLetterReader deadLetterReader(ConsumerFactory<?, ?> consumerFactory) {
        return new DeadLetterReader((ConsumerFactory<String, byte[]>) consumerFactory);
    }

    @Bean
    DeadLetterActions deadLetterActions(MongoTemplate mongo, OperationalPicture picture, DeadLetterReader reader,
            EventProducer producer, PersonalDataMask mask, AuditTrail audit, Clock clock, OpsProperties properties) {
        return new DeadLetterActions(mongo, picture, reader, producer, mask, audit, properties.replayClaim().timeout(), clock,
                java.util.Set.copyOf(properties.latestValueTopics()));
    }

    /** Returns dead letters whose replay died mid-way (claim lapsed) to OPEN, so the page shows what is true. */
    @Bean
    PeriodicTask deadLetterClaimCheck(DeadLetterActions actions, OpsProperties properties) {
        return new PeriodicTask("dead-letter-claims", properties.replayClaim().checkInterval(), actions::releaseLapsedClaims);
    }

    /** Each service's consumer bindings, asked with the caller's own token (never credentials of ops-monitor's own). */
    @Bean
    ServiceBindings serviceBindings(OpsProperties properties, Environment environment) {
        return new ServiceBindings(properties.services(), environment::resolvePlaceholders, properties.healthTimeout());
    }

    @Bean
    CallerAccessToken callerAccessToken(ObjectProvider<OAuth2AuthorizedClientRepository> repository,
            ObjectProvider<OAuth2AuthorizedClientService> service, Clock clock) {
        return new CallerAccessToken(repository.getIfAvailable(
                () -> new AuthenticatedPrincipalOAuth2AuthorizedClientRepository(service.getObject())), clock);
    }

    private static StreamEvent monitorEvent(String kind, Instant at, Map<String, Object> data) {
        return new StreamEvent(UUID.randomUUID().toString(), "ops-monitor." + kind, kind, "ops-monitor", "/saferkent/ops-monitor",
                null, at, data);
    }

}
