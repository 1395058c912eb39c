package org.saferkent.platform.messaging.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;

/**
 * Reports {@link ServiceStarted} when the service is ready and {@link ServiceStopping} when its
 * context closes (before the listeners, the relay and the producer stop). Only this service's own
 * context counts: a child context (a separate management port) closing is not the service stopping.
 */
public class ServiceLifecycleReporter {

    private static final Logger log = LoggerFactory.getLogger(ServiceLifecycleReporter.class);

    private final ApplicationContext context;
    private final OpsPublisher publisher;
    private final ServiceInstance instance;
    private final OpsEventsProperties properties;
    private final Clock clock;
    private volatile Instant startedAt;

    public ServiceLifecycleReporter(ApplicationContext context, OpsPublisher publisher, ServiceInstance instance,
            OpsEventsProperties properties, Clock clock) {
        this.context = context;
        this.publisher = publisher;
        this.instance = instance;
        this.properties = properties;
        this.clock = clock;
    }

    @EventListener
    public void ready(ApplicationReadyEvent event) {
        if (event.getApplicationContext() != context) {
            return;
        }
        startedAt = clock.instant();
        String service = service();
        publisher.publish(service, new ServiceStarted(service, instance.id(), startedAt), Duration.ofSeconds(10));
    }

    @EventListener
    public void closing(ContextClosedEvent event) {
        if (event.getApplicationContext() != context || startedAt == null) {
            return;
        }
        Instant now = clock.instant();
        String service = service();
        try {
            publisher.publish(service, new ServiceStopping(service, instance.id(), now,
                    Duration.between(startedAt, now).toSeconds()), properties.stoppingTimeout())
                    .get(properties.stoppingTimeout().toMillis() + 500, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.debug("ServiceStopping not acknowledged in time: {}", e.toString());
        }
    }

    private String service() {
        return context.getEnvironment().getProperty("spring.application.name", "unknown");
    }
}
