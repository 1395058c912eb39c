package org.saferkent.platform.messaging.ops;

import java.time.Clock;
import java.time.Duration;

import org.saferkent.platform.workingdays.ComputedHolidaysListener;

/**
 * Raises {@link BankHolidaysComputed} on {@code ops.events} the first time the service's working-day
 * calendar answers for a year from the standing rules. Queued on the {@link OpsPublisher}'s thread: the
 * deadline being counted (an intake, a consumer) neither waits for the broker nor fails with it.
 */
public class ComputedHolidaysReporter implements ComputedHolidaysListener {

    private final OpsPublisher publisher;
    private final ServiceInstance instance;
    private final String service;
    private final Clock clock;

    public ComputedHolidaysReporter(OpsPublisher publisher, ServiceInstance instance, String service, Clock clock) {
        this.publisher = publisher;
        this.instance = instance;
        this.service = service;
        this.clock = clock;
    }

    @Override
    public void runningOnComputedHolidays(int year, int firstListedYear, int lastListedYear) {
        publisher.publish(service + "/bank-holidays/" + year,
                new BankHolidaysComputed(service, instance.id(), year, firstListedYear, lastListedYear, clock.instant()),
                Duration.ofSeconds(10));
    }
}
