package org.saferkent.ops;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.saferkent.platform.events.CloudEventHeaders;
import org.saferkent.platform.events.EventMetadata;
import org.saferkent.platform.messaging.DeadLetterHeaders;
import org.saferkent.platform.test.Tokens;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** HTTP and record helpers shared by the integration tests. */
public final class OpsFixtures {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    /** Operations: read the picture, act on dead letters. */
    public static final String OPS = "ops";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private OpsFixtures() {
    }

    public static HttpResponse<String> get(String url) throws Exception {
        return get(url, "application/json");
    }

    public static HttpResponse<String> get(String url, String accept) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", accept)
                .header("Authorization", Tokens.bearer(OPS)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public static JsonNode getJson(String url) throws Exception {
        HttpResponse<String> response = get(url);
        if (response.statusCode() != 200) {
            throw new AssertionError(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** As the identity server's client {@code operator} (whose token's subject the audit names), or anonymously if null. */
    public static HttpResponse<String> post(String url, String operator, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (operator != null) {
            request.header("Authorization", Tokens.bearer(operator));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A widget event as a producer would publish it. */
    public static ProducerRecord<String, byte[]> widget(String eventId, String widgetId, String json) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(TestWidgets.TOPIC, widgetId, json.getBytes(StandardCharsets.UTF_8));
        CloudEventHeaders.write(new EventMetadata(eventId, TestWidgets.TYPE, "/saferkent/opstest", widgetId, Instant.now(),
                "chain-" + eventId, eventId, 1, "00-" + UUID.randomUUID().toString().replace("-", "") + "-00f067aa0ba902b7-01"),
                record.headers());
        return record;
    }

    /** A record as DeadLetters would set it aside, with its x-dlq-* headers. */
    public static ProducerRecord<String, byte[]> deadLetter(String dlqTopic, String originalTopic, String eventId, String reason,
            String payload) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(dlqTopic, "key-" + eventId, payload.getBytes(StandardCharsets.UTF_8));
        CloudEventHeaders.write(new EventMetadata(eventId, "referrals.ReferralRouted.v1", "/saferkent/referrals", "key-" + eventId,
                Instant.now(), eventId, eventId, 1, null), record.headers());
        add(record, DeadLetterHeaders.REASON, reason);
        add(record, DeadLetterHeaders.FAILURE, "INVALID");
        add(record, DeadLetterHeaders.EXCEPTION, "org.saferkent.platform.events.InvalidEventException");
        add(record, DeadLetterHeaders.ORIGINAL_TOPIC, originalTopic);
        add(record, DeadLetterHeaders.ORIGINAL_PARTITION, "0");
        add(record, DeadLetterHeaders.ORIGINAL_OFFSET, "42");
        add(record, DeadLetterHeaders.GROUP, "victims");
        add(record, DeadLetterHeaders.SERVICE, "victims");
        add(record, DeadLetterHeaders.FAILED_AT, Instant.now().toString());
        return record;
    }

    private static void add(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
