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

    public record Totals(double storeWrites, double storeCommands, double kafkaRecords) {

        public Totals minus(Totals before) {
            return new Totals(storeWrites - before.storeWrites, storeCommands - before.storeCommands, kafkaRecords - before.kafkaRecords);
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
        double writes = 0;
        double commands = 0;
        double records = 0;
        for (String base : services.values()) {
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
                        writes += value;
                    }
                } else if (line.startsWith("kafka_producer_record_send_total{")) {
                    records += value(line);
                }
            }
        }
        return new Totals(writes, commands, records);
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
