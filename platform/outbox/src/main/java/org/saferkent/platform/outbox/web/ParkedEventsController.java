package org.saferkent.platform.outbox.web;

import java.util.List;

import org.saferkent.platform.outbox.OutboxRelay;
import org.saferkent.platform.outbox.ParkedEvent;
import org.saferkent.platform.service.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every service's parked outbox events, for operations: {@code GET /api/outbox/parked} lists them
 * (ids, types, topics, reasons: never a payload; ops.read), {@code POST /api/outbox/parked/{eventId}/retry}
 * puts one back at the end of its aggregate's pending events and wakes the relay (ops.write).
 */
@RestController
@RequestMapping("/api/outbox/parked")
public class ParkedEventsController {

    private final OutboxRelay relay;

    public ParkedEventsController(OutboxRelay relay) {
        this.relay = relay;
    }

    @GetMapping
    public List<ParkedEvent> parked() {
        return relay.parked();
    }

    @PostMapping("/{eventId}/retry")
    public ResponseEntity<?> retry(@PathVariable String eventId) {
        return switch (relay.retry(eventId)) {
            case RETRIED -> ResponseEntity.accepted().build();
            case NOT_FOUND -> notFound(eventId);
            case BUSY -> ProblemResponses.problem(HttpStatus.CONFLICT, "Relay busy",
                    "A relay is publishing this aggregate's events now; retry once it is done (at most its lease)");
        };
    }

    private static ResponseEntity<ProblemDetail> notFound(String eventId) {
        return ProblemResponses.problem(HttpStatus.NOT_FOUND, "No such parked event", "No parked outbox event has the id " + eventId);
    }
}
