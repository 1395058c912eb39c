package org.saferkent.ops.picture;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/ops")
class OpsController {

    private static final int MAX = 500;

    private final OperationalPicture picture;

    OpsController(OperationalPicture picture) {
        this.picture = picture;
    }

    @GetMapping("/events")
    List<OpsEventRecord> events(@RequestParam(defaultValue = "50") int limit, @RequestParam(required = false) String type) {
        return picture.latestEvents(Math.max(1, Math.min(limit, MAX)), type);
    }

    @GetMapping("/dead-letters")
    List<DeadLetter> deadLetters(@RequestParam(defaultValue = "50") int limit) {
        return picture.latestDeadLetters(Math.max(1, Math.min(limit, MAX)));
    }
}
