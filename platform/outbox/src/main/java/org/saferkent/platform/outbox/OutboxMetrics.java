package org.saferkent.platform.outbox;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The relay's metrics: {@code saferkent.outbox.published} (events acknowledged by the broker, a counter),
 * {@code saferkent.outbox.parked} (events the broker refused for good and the relay set aside, a counter),
 * {@code saferkent.outbox.backlog} (documents still holding unpublished events, from the latest
 * measurement of the {@link BacklogMonitor}, so a scrape never queries the store) and the same per
 * collection, {@code saferkent.outbox.backlog.collection}.
 */
public class OutboxMetrics implements MeterBinder, BacklogListener {

    private final OutboxRelay relay;
    private volatile BacklogMonitor.Measurement last;
    private volatile MultiGauge perCollection;

    public OutboxMetrics(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("saferkent.outbox.published", relay, OutboxRelay::publishedCount)
                .description("Outbox events acknowledged by the broker since start")
                .register(registry);
        FunctionCounter.builder("saferkent.outbox.parked", relay, OutboxRelay::parkedCount)
                .description("Outbox events the broker refused for good, set aside since start")
                .register(registry);
        Gauge.builder("saferkent.outbox.backlog", this, m -> m.last == null ? 0 : m.last.total())
                .description("Documents holding events not yet published (latest measurement)")
                .register(registry);
        Gauge.builder("saferkent.outbox.backlog.high", this, m -> m.last != null && m.last.high() ? 1 : 0)
                .description("1 while the outbox backlog is above its threshold")
                .register(registry);
        perCollection = MultiGauge.builder("saferkent.outbox.backlog.collection")
                .description("Documents holding events not yet published, per outbox collection")
                .register(registry);
        if (last != null) {
            measured(last);
        }
    }

    @Override
    public void measured(BacklogMonitor.Measurement measurement) {
        last = measurement;
        MultiGauge gauge = perCollection;
        if (gauge != null) {
            gauge.register(measurement.byCollection().entrySet().stream()
                    .map(entry -> MultiGauge.Row.of(Tags.of("collection", entry.getKey()), entry.getValue()))
                    .toList(), true);
        }
    }
}
