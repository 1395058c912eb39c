package org.saferkent.benchmark;

import java.net.http.HttpResponse;
import java.util.Map;

import org.saferkent.simulator.AgencyClient;

/**
 * What the services did, from their own Prometheus endpoints: MongoDB write commands (Boot's driver
 * command metrics: insert, update, delete, findAndModify) and Kafka records sent (every producer's
 * record-send-total), summed over all five services. Diffed around a phase, divided by its referrals.
 */
public final class ServiceCounters {

    private static final java.util.List<String> WRITES = java.util.List.of("insert", "update", "delete", "findAndModify");

    /**
     * @param writesByService    each service's store writes (insert, update, delete, findAndModify commands)
     * @param writesByCollection the same by {@code service collection command}: where they go
     */
    public record Totals(Map<String, Double> writesByService, Map<String, Double> writesByCollection, double storeCommands,
            double kafkaRecords) {

        /** Every service's store writes. */
        public double storeWrites() {
            return writesByService.values().stream().mapToDouble(Double::doubleValue).sum();
        }

        public Totals minus(Totals before) {
            return new Totals(difference(writesByService, before.writesByService), difference(writesByCollection, before.writesByCollection),
                    storeCommands - before.storeCommands, kafkaRecords - before.kafkaRecords);
        }

        /** Each of {@code after}'s counts less {@code before}'s (none before: counted from zero). */
        private static Map<String, Double> difference(Map<String, Double> after, Map<String, Double> before) {
            Map<String, Double> difference = new java.util.LinkedHashMap<>();
            after.forEach((key, count) -> difference.put(key, count - before.getOrDefault(key, 0.0)));
            return difference;
        }

        /** The same with the broker's count of records sent (producer metrics restart with each producer). */
        public Totals withRecords(double records) {
            return new Totals(writesByService, writesByCollection, storeCommands, records);
        }

        /** Store writes per referral by {@code service collection command}, to a hundredth, largest first, those of 0.05 and more. */
        public Map<String, Double> writesPerReferralByCollection(long referrals) {
            Map<String, Double> per = new java.util.LinkedHashMap<>();
            writesByCollection.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .filter(e -> e.getValue() / Math.max(1, referrals) >= 0.05)
                    .forEach(e -> per.put(e.getKey(), Math.round(e.getValue() / Math.max(1, referrals) * 100) / 100.0));
            return per;
        }

        /** Each service's store writes per referral, to a tenth. */
        public Map<String, Double> writesPerReferral(long referrals) {
            Map<String, Double> per = new java.util.LinkedHashMap<>();
            writesByService.forEach((service, count) -> per.put(service, Math.round(count / Math.max(1, referrals) * 10) / 10.0));
            return per;
        }
    }

    private final AgencyClient client;
    private final Map<String, String> services;

    /** @param services service name → base URL */
    public ServiceCounters(AgencyClient client, Map<String, String> services) {
        this.client = client;
        this.services = services;
    }

    public Totals read() {
        double commands = 0;
        double records = 0;
        Map<String, Double> byService = new java.util.LinkedHashMap<>();
        Map<String, Double> byCollection = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, String> service : services.entrySet()) {
            String base = service.getValue();
            HttpResponse<String> response = client.get(base + "/actuator/prometheus", "ops");
            if (response.statusCode() != 200) {
                throw new IllegalStateException(base + "/actuator/prometheus answered " + response.statusCode());
            }
            for (String line : response.body().split("\n")) {
                if (line.startsWith("mongodb_driver_commands_seconds_count{")) {
                    double value = value(line);
                    commands += value;
                    String command = label(line, "command");
                    if (WRITES.contains(command)) {
                        byService.merge(service.getKey(), value, Double::sum);
                        byCollection.merge(service.getKey() + " " + label(line, "collection") + " " + command, value, Double::sum);
                    }
                } else if (line.startsWith("kafka_producer_record_send_total{")) {
                    records += value(line);
                }
            }
        }
        return new Totals(byService, byCollection, commands, records);
    }

    /** Events stored but not yet published, summed over the services (their outbox backlog gauges). */
    public double outboxBacklog() {
        double backlog = 0;
        for (String base : services.values()) {
            HttpResponse<String> response = client.get(base + "/actuator/prometheus", "ops");
            for (String line : response.body().split("\n")) {
                if (line.startsWith("saferkent_outbox_backlog ")) {
                    backlog += value(line);
                }
            }
        }
        return backlog;
    }

    private static double value(String line) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }

    private static String label(String line, String name) {
        int at = line.indexOf(name + "=\"");
        if (at < 0) {
            return "";
        }
        int from = at + name.length() + 2;
        return line.substring(from, line.indexOf('"', from));
    }
}
