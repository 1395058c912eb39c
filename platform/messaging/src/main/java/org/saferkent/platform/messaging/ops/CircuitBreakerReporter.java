package org.saferkent.platform.messaging.ops;

import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.circuitbreaker.event.CircuitBreakerOnStateTransitionEvent;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Reports every state change of a Resilience4j circuit breaker as {@link CircuitStateChanged}. Finds by
 * itself every {@link CircuitBreaker} bean and every breaker of every {@link CircuitBreakerRegistry}
 * bean (including breakers the registry creates later). A breaker that is not a bean is registered
 * with one line: {@code circuitBreakerReporter.watch(breaker)}.
 */
public class CircuitBreakerReporter implements SmartInitializingSingleton {

    private final ListableBeanFactory beans;
    private final OpsPublisher publisher;
    private final ServiceInstance instance;
    private final String service;
    private final Clock clock;
    private final Set<CircuitBreaker> watched = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

    public CircuitBreakerReporter(ListableBeanFactory beans, OpsPublisher publisher, ServiceInstance instance, String service,
            Clock clock) {
        this.beans = beans;
        this.publisher = publisher;
        this.instance = instance;
        this.service = service;
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        beans.getBeansOfType(CircuitBreakerRegistry.class, false, true).values().forEach(this::watch);
        beans.getBeansOfType(CircuitBreaker.class, false, true).values().forEach(this::watch);
    }

    /** Reports the state changes of every breaker of {@code registry}, present and future. */
    public void watch(CircuitBreakerRegistry registry) {
        registry.getAllCircuitBreakers().forEach(this::watch);
        registry.getEventPublisher().onEntryAdded(added -> watch(added.getAddedEntry()));
        registry.getEventPublisher().onEntryReplaced(replaced -> watch(replaced.getNewEntry()));
    }

    /** Reports the state changes of {@code breaker} (once, however often it is registered). */
    public void watch(CircuitBreaker breaker) {
        if (watched.add(breaker)) {
            breaker.getEventPublisher().onStateTransition(event -> changed(breaker, event));
        }
    }

    private void changed(CircuitBreaker breaker, CircuitBreakerOnStateTransitionEvent event) {
        CircuitBreaker.StateTransition transition = event.getStateTransition();
        Float failureRate = null;
        if (breaker.getMetrics().getFailureRate() >= 0) {
            failureRate = breaker.getMetrics().getFailureRate();
        }
        publisher.publish(service + "/" + event.getCircuitBreakerName(),
                new CircuitStateChanged(service, instance.id(), event.getCircuitBreakerName(), transition.getFromState().name(),
                        transition.getToState().name(), failureRate, clock.instant()), Duration.ofSeconds(10));
    }
}
