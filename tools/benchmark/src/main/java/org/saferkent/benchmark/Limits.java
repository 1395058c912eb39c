package org.saferkent.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

/**
 * What the same broker and store can do on their own, measured in the same run: Kafka's own
 * ProducerPerformance and ConsumerPerformance (1 KiB records, acks=all, a scratch topic with as many
 * partitions as the services' topics) and raw single-document inserts into a scratch database.
 * SaferKent's figures are reported as ratios to these.
 */
public final class Limits {

    public record KafkaFigures(long records, double producedPerSecond, double producerP99Ms, double consumedPerSecond) {
    }

    public record StoreFigures(long documents, double insertOnePerSecond, double insertManyPerSecond) {
    }

    private Limits() {
    }

    public static KafkaFigures kafka(Admin admin, String bootstrap, String classpath, long records, int partitions)
            throws IOException, InterruptedException, ExecutionException {
        String topic = "benchmark.scratch." + System.currentTimeMillis();
        admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        try {
            List<String> produced = java(classpath, "org.apache.kafka.tools.ProducerPerformance", "--topic", topic,
                    "--num-records", Long.toString(records), "--record-size", "1024", "--throughput", "-1",
                    "--producer-props", "bootstrap.servers=" + bootstrap, "acks=all");
            String summary = produced.stream().filter(l -> l.contains("records sent")).reduce((a, b) -> b)
                    .orElseThrow(() -> new IllegalStateException("ProducerPerformance printed no summary: " + produced));
            // "N records sent, X records/sec (Y MB/sec), A ms avg latency, M ms max latency, P50 ms 50th, P95 ms 95th, P99 ms 99th, ..."
            double producedPerSecond = Double.parseDouble(summary.replaceAll("^.*records sent, ([0-9.]+) records/sec.*$", "$1"));
            double p99 = Double.parseDouble(summary.replaceAll("^.* ([0-9.]+) ms 99th.*$", "$1"));
            List<String> consumed = java(classpath, "org.apache.kafka.tools.ConsumerPerformance", "--bootstrap-server", bootstrap,
                    "--topic", topic, "--messages", Long.toString(records), "--timeout", "60000");
            // header: start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, ...
            String row = consumed.get(consumed.size() - 1);
            String[] columns = row.split(",\\s*");
            double consumedPerSecond = Double.parseDouble(columns[5]);
            return new KafkaFigures(records, producedPerSecond, p99, consumedPerSecond);
        } finally {
            admin.deleteTopics(List.of(topic)).all().get();
        }
    }

    public static StoreFigures store(String uri, int documents) {
        String payload = "x".repeat(900); // with the other fields, about 1 KiB per document
        try (MongoClient mongo = MongoClients.create(uri)) {
            MongoCollection<Document> one = mongo.getDatabase("benchmark_scratch").getCollection("insert_one");
            MongoCollection<Document> many = mongo.getDatabase("benchmark_scratch").getCollection("insert_many");
            one.drop();
            many.drop();
            long started = System.nanoTime();
            for (int i = 0; i < documents; i++) {
                one.insertOne(document(i, payload));
            }
            double insertOne = documents * 1e9 / (System.nanoTime() - started);
            started = System.nanoTime();
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < documents; i++) {
                batch.add(document(i, payload));
                if (batch.size() == 500) {
                    many.insertMany(batch);
                    batch = new ArrayList<>();
                }
            }
            if (!batch.isEmpty()) {
                many.insertMany(batch);
            }
            double insertMany = documents * 1e9 / (System.nanoTime() - started);
            mongo.getDatabase("benchmark_scratch").drop();
            return new StoreFigures(documents, insertOne, insertMany);
        }
    }

    private static Document document(int i, String payload) {
        return new Document("_id", "doc-" + i).append("district", "maidstone").append("n", i).append("payload", payload);
    }

    private static List<String> java(String classpath, String main, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx512m", "-cp", classpath, main));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.contains("WARN") && !line.contains("INFO") && !line.isBlank()) {
                    lines.add(line);
                }
            }
        }
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(main + " failed: " + lines);
        }
        return lines;
    }

    static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    public static Map<String, Object> asMap(KafkaFigures kafka, StoreFigures store) {
        Map<String, Object> map = new LinkedHashMap<>();
        if (kafka != null) {
            map.put("kafkaProducerRecordsPerSecond", Math.round(kafka.producedPerSecond()));
            map.put("kafkaProducerP99Ms", kafka.producerP99Ms());
            map.put("kafkaConsumerRecordsPerSecond", Math.round(kafka.consumedPerSecond()));
            map.put("kafkaRecords", kafka.records());
        }
        if (store != null) {
            map.put("storeInsertOnePerSecond", Math.round(store.insertOnePerSecond()));
            map.put("storeInsertManyPerSecond", Math.round(store.insertManyPerSecond()));
            map.put("storeDocuments", store.documents());
        }
        return map;
    }
}
