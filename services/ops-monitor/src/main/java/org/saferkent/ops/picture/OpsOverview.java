package org.saferkent.ops.picture;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.saferkent.ops.History;
import org.saferkent.ops.health.ServiceHealth;
import org.saferkent.ops.lag.ConsumerLag;

/**
 * The whole picture at a glance, for the page: services (health, lifecycle, backlog with its recent
 * history), consumer lag, dead letters by topic and reason, SLA breaches, circuit states and consumers
 * held up by an outage. Built from
 * stored state and the latest periodic measurements: answering it never asks Kafka or a service.
 */
public class OpsOverview {

    private static final int DEAD_LETTER_WINDOW = 2000;

    public record ServiceView(String service, String health, Map<String, String> components, Instant healthCheckedAt,
            String healthError, String state, Instant stateAt, Integer running, Integer instances, Instant lastSeen,
            Long backlog, Boolean backlogHigh, Long published, List<History.Sample> backlogHistory) {
    }

    public record DeadLetterView(long open, long total, List<OperationalPicture.Count> byTopicAndReason) {
    }

    public record BreachView(long total, Map<String, Long> byClock, List<OperationalPicture.Breach> latest) {
    }

    public record Overview(Instant generatedAt, List<ServiceView> services, ConsumerLag.Snapshot lag, DeadLetterView deadLetters,
            BreachView breaches, List<OperationalPicture.Circuit> circuits, List<OperationalPicture.ConsumerOutage> consumers) {
    }

    private final OperationalPicture picture;
    private final ConsumerLag lag;
    private final ServiceHealth health;
    private final Clock clock;

    public OpsOverview(OperationalPicture picture, ConsumerLag lag, ServiceHealth health, Clock clock) {
        this.picture = picture;
        this.lag = lag;
        this.health = health;
        this.clock = clock;
    }

    public Overview now() {
        return new Overview(clock.instant(), services(), lag.latest(), deadLetters(), breaches(), picture.circuits(),
                picture.consumerOutages());
    }

    public List<ServiceView> services() {
        Map<String, ServiceHealth.Status> healthByService = new LinkedHashMap<>();
        health.latest().forEach(status -> healthByService.put(status.service(), status));
        Map<String, OperationalPicture.ServiceStatus> statusByService = new LinkedHashMap<>();
        picture.services().forEach(status -> statusByService.put(status.service(), status));
        TreeSet<String> names = new TreeSet<>(healthByService.keySet());
        statusByService.keySet().stream().filter(name -> name != null).forEach(names::add);
        List<ServiceView> views = new ArrayList<>();
        for (String name : names) {
            ServiceHealth.Status h = healthByService.get(name);
            OperationalPicture.ServiceStatus s = statusByService.get(name);
            views.add(new ServiceView(name, h == null ? null : h.status(), h == null ? Map.of() : h.components(),
                    h == null ? null : h.checkedAt(), h == null ? null : h.error(),
                    s == null ? null : s.state(), s == null ? null : s.stateAt(), s == null ? null : s.running(),
                    s == null ? null : s.instances(), s == null ? null : s.lastSeen(),
                    s == null ? null : s.backlog(), s == null ? null : s.backlogHigh(), s == null ? null : s.published(),
                    picture.backlogHistory(name)));
        }
        return views;
    }

    public DeadLetterView deadLetters() {
        List<OperationalPicture.Count> counts = picture.deadLetterCounts(DEAD_LETTER_WINDOW);
        long open = counts.stream().filter(c -> DeadLetter.OPEN.equals(c.status())).mapToLong(OperationalPicture.Count::count).sum();
        long total = counts.stream().mapToLong(OperationalPicture.Count::count).sum();
        return new DeadLetterView(open, total, counts);
    }

    public BreachView breaches() {
        List<OperationalPicture.Breach> latest = picture.latestBreaches(50);
        Map<String, Long> byClock = new LinkedHashMap<>();
        latest.forEach(b -> byClock.merge(b.service() + " · " + b.clock(), 1L, Long::sum));
        return new BreachView(picture.breachCount(), byClock, latest);
    }
}
