package org.saferkent.benchmark;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.saferkent.simulator.AgencyClient;
import org.saferkent.simulator.Progress;

import tools.jackson.databind.JsonNode;

/**
 * Commissioning's projections rebuilt from a million events. The events go onto the topics
 * commissioning reads in a scratch stack, before commissioning first starts there, and its consumer
 * group is placed at their end: the live projection has nothing to do, the rebuild reads them all
 * (the other services do not run: they would act on a million referrals). Then
 * {@code POST /api/commissioning/rebuild} is timed, with the launcher's peak resident memory.
 */
public final class RebuildPhase {

    public record Figures(long events, double produceSeconds, long eventsRead, long facts, long cells, double rebuildSeconds,
            double eventsPerSecond, double serviceReportedPerSecond, double peakResidentMiB) {

        public Map<String, Object> asMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("eventsOnTopics", events);
            map.put("eventsRead", eventsRead);
            map.put("facts", facts);
            map.put("cells", cells);
            map.put("rebuildSeconds", IntakePhase.round(rebuildSeconds));
            map.put("eventsPerSecond", Math.round(eventsPerSecond));
            map.put("eventsPerSecondAsCommissioningReports", Math.round(serviceReportedPerSecond));
            map.put("launcherPeakResidentMiB", Math.round(peakResidentMiB));
            map.put("secondsToProduceTheEvents", IntakePhase.round(produceSeconds));
            return map;
        }
    }

    private static final String GROUP = "commissioning";

    private final Path repo;
    private final Path dataDir;
    private final Path logs;
    private final AgencyClient client;
    private final String heap;

    public RebuildPhase(Path repo, Path dataDir, Path logs, AgencyClient client, String heap) {
        this.repo = repo;
        this.dataDir = dataDir;
        this.logs = logs;
        this.client = client;
        this.heap = heap;
    }

    public Figures run(long events, long seed) throws Exception {
        long produced;
        double produceSeconds;
        try (LocalStackProcess infra = LocalStackProcess.start(repo, dataDir, logs.resolve("rebuild-infra.log"), Map.of(), "--infra-only");
                Quiescence kafka = new Quiescence(LocalStackProcess.kafkaBootstrap())) {
            PreloadRun.awaitBroker(kafka, infra);
            kafka.admin().createTopics(PartnershipHistory.TOPICS.stream().map(t -> new NewTopic(t, 3, (short) 1)).toList()).all().get();
            long started = System.nanoTime();
            produced = produce(events, seed);
            produceSeconds = (System.nanoTime() - started) / 1e9;
            Map<TopicPartition, OffsetAndMetadata> ends = new HashMap<>();
            kafka.endOffsets().forEach((partition, end) -> {
                if (PartnershipHistory.TOPICS.contains(partition.topic())) {
                    ends.put(partition, new OffsetAndMetadata(end));
                }
            });
            kafka.admin().alterConsumerGroupOffsets(GROUP, ends).all().get();
        }
        Map<String, String> environment = Map.of("LOCAL_STACK_JAVA_OPTS", BenchmarkMain.launcherOptions(heap, logs.resolve("rebuild.jfr")));
        try (LocalStackProcess stack = LocalStackProcess.start(repo, dataDir, logs.resolve("rebuild-stack.log"), environment,
                "--services", "commissioning")) {
            stack.awaitHealthy(List.of("commissioning"), Duration.ofMinutes(3));
            client.forgetTokens(); // this stack's identity server signs with a key of its own
            registerContracts();
            AtomicLong peak = new AtomicLong();
            AtomicBoolean sampling = new AtomicBoolean(true);
            Thread sampler = new Thread(() -> {
                while (sampling.get()) {
                    peak.accumulateAndGet(Math.round(Resident.mib(stack.launcherPid())), Math::max);
                    try {
                        Thread.sleep(200); // sampling /proc
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "rss-sampler");
            sampler.start();
            long started = System.nanoTime();
            HttpResponse<String> response;
            // the request answers only when the rebuild is done: its progress is in commissioning's log, shown as it comes
            try (LogFollower follower = new LogFollower(dataDir.resolve("logs/stack.log"), "Rebuild v",
                    line -> System.out.println("  " + line))) {
                response = client.post(client.urls().commissioning() + "/api/commissioning/rebuild", AgencyClient.PCC_OFFICE,
                        null, Duration.ofMinutes(30));
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            sampling.set(false);
            sampler.join();
            if (response.statusCode() != 200) {
                throw new IllegalStateException("rebuild answered " + response.statusCode() + ": " + response.body());
            }
            JsonNode result = client.read(response);
            long read = result.path("eventsRead").asLong() + result.path("eventsCaughtUp").asLong();
            return new Figures(produced, produceSeconds, read, result.path("facts").asLong(), result.path("cells").asLong(), seconds,
                    read / seconds, result.path("eventsPerSecond").asDouble(), peak.get());
        }
    }

    private void registerContracts() {
        List<String> districts = List.of("ashford", "canterbury", "dartford", "dover", "gravesham", "maidstone", "sevenoaks",
                "folkestone-and-hythe", "swale", "thanet", "tonbridge-and-malling", "tunbridge-wells");
        for (List<String> pathways : List.of(List.of("victim-support", "domestic-abuse"), List.of("restorative-justice", "youth-prevention"))) {
            Map<String, Object> contract = new LinkedHashMap<>();
            contract.put("provider", "Benchmark " + pathways.get(0));
            contract.put("service", "benchmark");
            contract.put("pathways", pathways);
            contract.put("districts", districts);
            contract.put("period", Map.of("start", "2025-04-01", "end", "2026-03-31"));
            contract.put("value", 1_000_000);
            contract.put("targets", List.of(Map.of("measure", "cope-and-recover-share", "target", 0.7, "amberWithin", 0.1)));
            HttpResponse<String> created = client.post(client.urls().commissioning() + "/api/contracts", AgencyClient.PCC_OFFICE, contract);
            if (created.statusCode() != 201) {
                throw new IllegalStateException("contract refused: " + created.statusCode() + " " + created.body());
            }
        }
    }

    private static long produce(long events, long seed) throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStackProcess.kafkaBootstrap());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        PartnershipHistory history = new PartnershipHistory(seed);
        long sent = 0;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
                Progress progress = Progress.start("  rebuild: producing events", events)) {
            AtomicLong failures = new AtomicLong();
            while (sent < events) {
                for (ProducerRecord<String, byte[]> record : history.nextReferral()) {
                    if (sent >= events) {
                        break;
                    }
                    producer.send(record, (metadata, error) -> {
                        if (error != null) {
                            failures.incrementAndGet();
                        }
                        progress.done(error == null ? null : Progress.failureKind(error), () -> record.topic() + ": " + error);
                    });
                    sent++;
                }
            }
            producer.flush();
            if (failures.get() > 0) {
                throw new IllegalStateException(failures.get() + " events could not be produced");
            }
        }
        return sent;
    }
}
