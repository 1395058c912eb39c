package org.saferkent.ops.picture;

import java.util.List;
import java.util.Map;

import org.saferkent.ops.health.ServiceHealth;
import org.saferkent.ops.lag.ConsumerLag;
import org.saferkent.platform.service.InvalidRequestException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/ops")
class OpsController {

    private static final int MAX = 500;

    private final OperationalPicture picture;
    private final OpsOverview overview;
    private final ConsumerLag lag;
    private final ServiceHealth health;

    OpsController(OperationalPicture picture, OpsOverview overview, ConsumerLag lag, ServiceHealth health) {
        this.picture = picture;
        this.overview = overview;
        this.lag = lag;
        this.health = health;
    }

    @GetMapping("/events")
    List<OpsEventRecord> events(@RequestParam(defaultValue = "50") int limit, @RequestParam(required = false) String type) {
        return picture.latestEvents(Math.max(1, Math.min(limit, MAX)), type);
    }

    /** @param status {@code open}, {@code replayed}, {@code parked} (any when absent) */
    @GetMapping("/dead-letters")
    List<DeadLetter> deadLetters(@RequestParam(defaultValue = "50") int limit, @RequestParam(required = false) String status) {
        if (status != null && !status.isBlank() && !List.of("OPEN", "REPLAYING", "REPLAYED", "PARKED").contains(status.trim().toUpperCase())) {
            throw InvalidRequestException.of("status", "must be one of open, replaying, replayed, parked");
        }
        return picture.latestDeadLetters(Math.max(1, Math.min(limit, MAX)), status);
    }

    /** Everything at a glance (what the page shows). */
    @GetMapping("/picture")
    OpsOverview.Overview picture() {
        return overview.now();
    }

    /** Consumer lag per group and partition, as last measured. */
    @GetMapping("/lag")
    ConsumerLag.Snapshot lag() {
        return lag.latest();
    }

    /** Each watched service's health, as last polled. */
    @GetMapping("/health")
    List<ServiceHealth.Status> health() {
        return health.latest();
    }

    @GetMapping("/services")
    List<OpsOverview.ServiceView> services() {
        return overview.services();
    }

    @GetMapping("/breaches")
    OpsOverview.BreachView breaches() {
        return overview.breaches();
    }

    @GetMapping("/circuits")
    List<OperationalPicture.Circuit> circuits() {
        return picture.circuits();
    }

    /** Consumers held up by an outage of their store or the broker (PAUSED), and those that went on since (RESUMED). */
    @GetMapping("/consumers")
    List<OperationalPicture.ConsumerOutage> consumers() {
        return picture.consumerOutages();
    }

    /** Ops events and dead letters of one W3C trace (the trace id of ce_traceparent, as logged under traceId). */
    @GetMapping("/trace/{traceId}")
    Map<String, Object> trace(@PathVariable String traceId) {
        if (!traceId.matches("[0-9a-f]{32}")) {
            throw InvalidRequestException.of("traceId", "must be 32 lower-case hex digits");
        }
        return picture.trace(traceId);
    }
}
