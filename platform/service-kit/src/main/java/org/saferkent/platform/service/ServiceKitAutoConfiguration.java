package org.saferkent.platform.service;

import java.time.Clock;
import java.time.ZoneId;

import io.micrometer.observation.ObservationPredicate;
import org.saferkent.platform.events.EventTracing;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.util.unit.DataSize;

// before Boot's web MVC configuration, so that its generic problem handler stands aside for ours
@AutoConfiguration(after = DataMongoAutoConfiguration.class,
        before = {MongoHealthContributorAutoConfiguration.class, WebMvcAutoConfiguration.class})
public class ServiceKitAutoConfiguration {

    private static final ZoneId KENT = ZoneId.of("Europe/London");

    /** Refuses to start with compose.env.example's placeholders; says whether development defaults are on. */
    @Bean
    @ConditionalOnMissingBean
    DevelopmentDefaults developmentDefaults(ConfigurableEnvironment environment) {
        return new DevelopmentDefaults(environment);
    }

    /** Named like Boot's own indicator, which then stands aside. */
    @Bean(name = "mongoHealthIndicator")
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
    MongoPingHealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
    }

    /**
     * Date constraints ({@code @PastOrPresent}) read the service's clock, as Kent's calendar: a date posted by
     * Kent's agencies is a Kent date, and a test's clock moves them too.
     */
    @Bean
    ValidationConfigurationCustomizer kentCalendarForDateConstraints(ObjectProvider<Clock> clock) {
        return configuration -> configuration.clockProvider(() -> clock.getIfAvailable(Clock::systemUTC).withZone(KENT));
    }

    @Bean
    @ConditionalOnWebApplication
    @ConditionalOnMissingBean
    ProblemResponses problemResponses() {
        return new ProblemResponses();
    }

    /** Oversized bodies are refused before they are read ({@code saferkent.web.max-body-size}, default 2MB). */
    @Bean
    @ConditionalOnWebApplication
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(
            @Value("${saferkent.web.max-body-size:2MB}") DataSize maxBodySize) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestSizeLimitFilter(maxBodySize.toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    /**
     * Health probes and metric scrapes are neither traced nor timed: every few seconds from ops-monitor and
     * Prometheus, they would bury the requests that matter.
     */
    @Bean
    @ConditionalOnWebApplication
    ObservationPredicate actuatorRequestsNotObserved() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext request
                && request.getCarrier() != null && request.getCarrier().getRequestURI().startsWith("/actuator/"));
    }

    @Bean
    @ConditionalOnWebApplication
    FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter(EventTracing tracing) {
        FilterRegistrationBean<CorrelationIdFilter> registration = new FilterRegistrationBean<>(new CorrelationIdFilter(tracing));
        // after Boot's HTTP server observation (HIGHEST_PRECEDENCE + 1), which starts the request's span
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
