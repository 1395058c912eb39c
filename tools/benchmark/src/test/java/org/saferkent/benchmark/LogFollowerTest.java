package org.saferkent.benchmark;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class LogFollowerTest {

    @Test
    void showsTheRebuildsProgressLinesAppendedWhileItRunsAndNothingElse(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("stack.log");
        Files.writeString(log, "2026-12-06T01:00:00.000  INFO [main] o.s.c.p.a.ProjectionRebuild : Rebuild v2 swapped in: before\n");
        List<String> shown = new CopyOnWriteArrayList<>();

        try (LogFollower follower = new LogFollower(log, "Rebuild v", shown::add)) {
            append(log, "2026-12-06T01:00:01.000  INFO [exec-1] o.s.c.p.a.ProjectionRebuild : Rebuild v3: reading the topics: 1,000,000 events"
                    + " in 18 partitions\n");
            append(log, "2026-12-06T01:00:01.100  INFO [relay] o.s.p.outbox.OutboxRelay : published 12\n");
            append(log, "2026-12-06T01:00:06.000  INFO [exec-1] o.s.c.p.a.ProjectionRebuild : Rebuild v3: reading the topics: 412,000 /"
                    + " 1,000,000 events (41.2%) · 82,400/s · about 7 s left\n");
            append(log, "2026-12-06T01:00:06.500  INFO [exec-1] o.s.c.p.a.ProjectionRebuild : Rebuild v3: still being wri");
        }

        assertThat(shown).containsExactly("Rebuild v3: reading the topics: 1,000,000 events in 18 partitions",
                "Rebuild v3: reading the topics: 412,000 / 1,000,000 events (41.2%) · 82,400/s · about 7 s left");
    }

    @Test
    void theWaitForTheStackToSettleSaysWhatIsLeft() {
        assertThat(Quiescence.settling(1_204, 37, 40.2)).isEqualTo("  settling: 1,204 events not yet consumed, 37 in outboxes · 40 s so far");
    }

    private static void append(Path log, String text) throws Exception {
        Files.writeString(log, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }
}
