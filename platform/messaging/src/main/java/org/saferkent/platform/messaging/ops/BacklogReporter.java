package org.saferkent.platform.messaging.ops;

import java.time.Duration;
import java.time.Instant;

import org.saferkent.platform.outbox.BacklogListener;
import org.saferkent.platform.outbox.BacklogMonitor;
import org.saferkent.platform.outbox.OutboxRelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports the outbox backlog on {@code ops.events}: {@link OutboxBacklogHigh} once when it reaches the
 * threshold, {@link OutboxBacklogCleared} once when it has drained (a report that could not be sent is
 * tried again at the next measurement), and a {@link ServiceHeartbeat} with the current figures every
 * heartbeat interval. Runs on the backlog monitor's thread.
 */
public class BacklogReporter implements BacklogListener {

    private static final Logger log = LoggerFactory.getLogger(BacklogReporter.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final OpsEvents ops;
    private final OutboxRelay relay;
    private final ServiceInstance instance;
    private final Duration heartbeatInterval;
    private boolean reportedHigh;
    private Instant lastHeartbeat;

    public BacklogReporter(OpsEvents ops, OutboxRelay relay, ServiceInstance instance, Duration heartbeatInterval) {
        this.ops = ops;
        this.relay = relay;
        this.instance = instance;
        this.heartbeatInterval = heartbeatInterval;
    }

    @Override
    public synchronized void measured(BacklogMonitor.Measurement m) {
        String service = ops.service();
        try {
            if (m.high() && !reportedHigh) {
                ops.publish(service, new OutboxBacklogHigh(service, instance.id(), m.total(), m.threshold(), m.byCollection(),
                        m.measuredAt()), TIMEOUT);
                reportedHigh = true;
            } else if (!m.high() && reportedHigh) {
                ops.publish(service, new OutboxBacklogCleared(service, instance.id(), m.total(), m.threshold(), m.measuredAt()),
                        TIMEOUT);
                reportedHigh = false;
            }
            if (!heartbeatInterval.isZero() && !heartbeatInterval.isNegative()
                    && (lastHeartbeat == null || !m.measuredAt().isBefore(lastHeartbeat.plus(heartbeatInterval)))) {
                ops.publish(service, new ServiceHeartbeat(service, instance.id(), m.total(), m.high(), relay.publishedCount(),
                        m.measuredAt()), TIMEOUT);
                lastHeartbeat = m.measuredAt();
            }
        } catch (RuntimeException e) {
            log.warn("Could not report the outbox backlog on ops.events, will try again: {}", e.toString());
        }
    }
}
