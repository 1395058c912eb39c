package org.saferkent.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerConfigTest {

    @TempDir
    Path dir;

    @Test
    void describesASingleNodeThatIsBrokerAndControllerOnLoopback() {
        KafkaBrokerConfig config = new KafkaBrokerConfig(dir.resolve("log-dir"), 19092, 19093);

        assertThat(config.properties())
                .containsEntry("process.roles", "broker,controller")
                .containsEntry("controller.quorum.voters", "1@127.0.0.1:19093")
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093")
                .containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:19092")
                .containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("transaction.state.log.min.isr", "1")
                .containsEntry("share.coordinator.state.topic.min.isr", "1")
                .containsEntry("log.cleaner.dedupe.buffer.size", "8388608");
        assertThat(config.bootstrapServers()).isEqualTo("127.0.0.1:19092");
    }

    @Test
    void writesAFileThatKafkaReadsBackUnchanged() throws Exception {
        KafkaBrokerConfig config = new KafkaBrokerConfig(dir.resolve("log-dir"), 19092, 19093);
        Path file = dir.resolve("kafka/server.properties");

        config.writeTo(file);

        Properties read = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            read.load(reader);
        }
        assertThat(read).containsExactlyInAnyOrderEntriesOf(config.properties());
    }
}
