package org.saferkent.benchmark;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.saferkent.simulator.IntakeRun;
import org.saferkent.simulator.Progress;
import org.saferkent.simulator.ReferralGenerator;
import org.saferkent.simulator.SimulatedReferral;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * End-to-end latency at a steady rate: from the HTTP 201 of a referral to (a) its victim case existing
 * (the victims service's VictimCaseOpened record on {@code victims.case.events}: the case is stored
 * before its event is published, so this is an upper bound) and (b) the commissioning feed reflecting
 * it (the first {@code commissioning.feed} record whose district cell counts it). Feed cells are
 * counts, not lists: referral k of a district is reflected once the cell's referralsRouted reaches
 * the count before the phase plus k (referrals ranked by their 201). Only referrals that certainly open
 * one victim case and count once are posted: victims, routed to victim support only, not duplicates,
 * not opted out.
 */
public final class LatencyPhase {

    public record Figures(double rate, long posted, Percentiles victimCase, Percentiles feed, long victimCasesMissing, long feedMissing,
            List<Double> victimCaseMillis, List<Double> feedMillis) {

        public Map<String, Object> asMap() {
            Map<String, Object> map = new java.util.LinkedHashMap<>();
            map.put("ratePerSecond", rate);
            map.put("referrals", posted);
            map.put("to201VictimCase", victimCase.asMap());
            map.put("to201CommissioningFeed", feed.asMap());
            map.put("victimCasesNotSeen", victimCasesMissing);
            map.put("feedNotReflected", feedMissing);
            return map;
        }
    }

    private static final String VICTIMS_TOPIC = "victims.case.events";
    private static final String FEED_TOPIC = "commissioning.feed";
    /** The benchmark's contract covers Kent's twelve districts. */
    private static final int DISTRICTS = 12;

    private final JsonMapper json = JsonMapper.builder().build();
    private final String bootstrap;
    private final IntakeRun run;

    public LatencyPhase(String bootstrap, IntakeRun run) {
        this.bootstrap = bootstrap;
        this.run = run;
    }

    public Figures run(ReferralGenerator generator, String contractId, double rate, long seconds) throws Exception {
        Map<String, Long> answered = new ConcurrentHashMap<>(); // referral id -> 201 (nanoTime)
        Map<String, Long> caseSeen = new ConcurrentHashMap<>(); // referral id -> VictimCaseOpened seen
        Map<String, List<Long>> feedSeen = new ConcurrentHashMap<>(); // district -> when the count reached baseline + 1, + 2, ...
        Map<String, List<String>> ranked = new HashMap<>(); // district -> referral ids in the order of their 201
        Map<String, Long> baseline = new HashMap<>();
        AtomicBoolean listening = new AtomicBoolean(true);

        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(VICTIMS_TOPIC, FEED_TOPIC)) {
                consumer.partitionsFor(topic, Duration.ofSeconds(30)).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            // the feed's current counts are the baseline; victims' history is not needed
            consumer.seekToEnd(partitions.stream().filter(p -> p.topic().equals(VICTIMS_TOPIC)).toList());
            List<TopicPartition> feedPartitions = partitions.stream().filter(p -> p.topic().equals(FEED_TOPIC)).toList();
            consumer.seekToBeginning(feedPartitions);
            // a contract registered just now gets its cells in commissioning's next refresh rounds: the
            // baseline is every district's cell as first published, not an empty feed
            long baselineDeadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            do {
                Map<TopicPartition, Long> feedEnd = consumer.endOffsets(feedPartitions);
                while (feedPartitions.stream().anyMatch(p -> consumer.position(p) < feedEnd.get(p))) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                        routedCount(record, contractId).ifPresent(c -> baseline.put(c.district(), Math.max(c.count(),
                                baseline.getOrDefault(c.district(), 0L))));
                    }
                }
                if (baseline.size() < DISTRICTS) {
                    Thread.sleep(500); // waiting for commissioning's refresh round
                }
            } while (baseline.size() < DISTRICTS && System.nanoTime() < baselineDeadline);
            consumer.position(feedPartitions.get(0)); // positions resolved before the listener takes over
            Thread listener = new Thread(() -> {
                while (listening.get()) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                        long now = System.nanoTime();
                        if (record.topic().equals(VICTIMS_TOPIC)) {
                            if ("victims.VictimCaseOpened.v1".equals(header(record, "ce_type"))) {
                                String referralId = json.readTree(record.value()).path("referralId").asString(null);
                                if (referralId != null) {
                                    caseSeen.putIfAbsent(referralId, now);
                                }
                            }
                        } else {
                            routedCount(record, contractId).ifPresent(c -> {
                                List<Long> reached = feedSeen.computeIfAbsent(c.district(), d -> new ArrayList<>());
                                long above = c.count() - baseline.getOrDefault(c.district(), 0L);
                                while (reached.size() < above) {
                                    reached.add(now);
                                }
                            });
                        }
                    }
                }
            }, "latency-listener");
            listener.start();

            Iterator<SimulatedReferral> steady = new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return true;
                }

                @Override
                public SimulatedReferral next() {
                    SimulatedReferral next;
                    do {
                        next = generator.next();
                    } while (!opensOneVictimCase(next));
                    return next;
                }
            };
            long count = Math.round(rate * seconds);
            try (Progress progress = Progress.start("  latency", count)) {
                run.run(steady, count, rate, posted -> {
                    progress.done(IntakeRun.errorKind(posted), () -> IntakeRun.example(posted));
                    if (posted.created()) {
                        answered.put(posted.referralId(), posted.answeredNanos());
                        synchronized (ranked) {
                            ranked.computeIfAbsent(posted.referral().district(), d -> new ArrayList<>()).add(posted.referralId());
                        }
                    }
                });
            }
            // let the last ones arrive: commissioning publishes its feed every few seconds
            long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
            while (System.nanoTime() < deadline && (caseSeen.keySet().containsAll(answered.keySet()) == false
                    || !allReflected(ranked, feedSeen))) {
                Thread.sleep(200); // waiting for the stack, bounded
            }
            listening.set(false);
            listener.join();

            List<Double> caseMillis = new ArrayList<>();
            List<Double> feedMillis = new ArrayList<>();
            long casesMissing = 0;
            long feedMissing = 0;
            for (Map.Entry<String, Long> entry : answered.entrySet()) {
                Long seen = caseSeen.get(entry.getKey());
                if (seen == null) {
                    casesMissing++;
                } else {
                    caseMillis.add(Math.max(0, seen - entry.getValue()) / 1e6);
                }
            }
            for (Map.Entry<String, List<String>> district : ranked.entrySet()) {
                List<Long> reached = feedSeen.getOrDefault(district.getKey(), List.of());
                for (int k = 0; k < district.getValue().size(); k++) {
                    if (k < reached.size()) {
                        feedMillis.add(Math.max(0, reached.get(k) - answered.get(district.getValue().get(k))) / 1e6);
                    } else {
                        feedMissing++;
                    }
                }
            }
            return new Figures(rate, answered.size(), Percentiles.of(caseMillis), Percentiles.of(feedMillis), casesMissing, feedMissing,
                    caseMillis, feedMillis);
        }
    }

    private static boolean allReflected(Map<String, List<String>> ranked, Map<String, List<Long>> feedSeen) {
        return ranked.entrySet().stream().allMatch(e -> feedSeen.getOrDefault(e.getKey(), List.of()).size() >= e.getValue().size());
    }

    static boolean opensOneVictimCase(SimulatedReferral referral) {
        return "victim".equals(referral.role()) && referral.pathways().equals(List.of("victim-support")) && !referral.duplicate()
                && !referral.repeat() && !referral.body().containsKey("victimOptedOut");
    }

    private record RoutedCount(String district, long count) {
    }

    private java.util.Optional<RoutedCount> routedCount(ConsumerRecord<String, byte[]> record, String contractId) {
        if (record.key() == null || !record.key().startsWith(contractId + "|") || record.value() == null) {
            return java.util.Optional.empty();
        }
        JsonNode value = json.readTree(record.value());
        JsonNode counts = value.path("performance").path("counts");
        if (counts.isMissingNode()) {
            counts = value.path("counts");
        }
        String[] key = record.key().split("\\|");
        if (key.length < 3 || !key[2].equals(currentQuarter())) {
            return java.util.Optional.empty();
        }
        return counts.has("referralsRouted") ? java.util.Optional.of(new RoutedCount(key[1], counts.get("referralsRouted").asLong()))
                : java.util.Optional.empty();
    }

    /** Referrals routed today count in this quarter's cell (days in Kent). */
    static String currentQuarter() {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/London"));
        return today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "20");
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
