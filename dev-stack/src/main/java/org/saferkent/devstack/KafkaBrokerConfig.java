package org.saferkent.devstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code server.properties} of a single-node KRaft cluster: one process that is both broker and
 * controller, listening on loopback only.
 *
 * <p>It is rewritten on every start (the ports may change between runs; the cluster identity lives in
 * {@code meta.properties}, not here).
 */
record KafkaBrokerConfig(Path logDir, int brokerPort, int controllerPort) {

    static final int NODE_ID = 1;

    String bootstrapServers() {
        return Ports.LOOPBACK_HOST + ":" + brokerPort;
    }

    Map<String, String> properties() {
        String host = Ports.LOOPBACK_HOST;
        Map<String, String> p = new LinkedHashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@" + host + ":" + controllerPort);
        p.put("listeners", "PLAINTEXT://" + host + ":" + brokerPort + ",CONTROLLER://" + host + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + host + ":" + brokerPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDir.toAbsolutePath().toString());
        // One node: every internal topic must be satisfiable by a single replica.
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        // Fewer internal partitions than the production default of 50: quicker first consumer group,
        // fewer files; one machine gains nothing from more.
        p.put("offsets.topic.num.partitions", "10");
        p.put("transaction.state.log.num.partitions", "10");
        p.put("share.coordinator.state.topic.num.partitions", "10");
        // After an unclean stop the controller keeps the old broker registration until its session
        // expires, and the restarted broker cannot register before that (DUPLICATE_BROKER_REGISTRATION):
        // 9 s by default, added to every start that follows a kill. Broker and controller are the same
        // process here, so a short session costs nothing.
        p.put("broker.heartbeat.interval.ms", "1000");
        p.put("broker.session.timeout.ms", "3000");
        // Consumers of a restarted service join at once instead of waiting 3 s for companions.
        p.put("group.initial.rebalance.delay.ms", "0");
        // The log cleaner's default 128 MiB dedupe buffer would dominate a small heap.
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
        return p;
    }

    void writeTo(Path file) throws IOException {
        StringBuilder text = new StringBuilder("# Written by the SaferKent local stack on every start; edits are lost.\n");
        properties().forEach((key, value) -> text.append(key).append('=')
                .append(value.replace("\\", "\\\\")).append('\n'));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
