package org.saferkent.referrals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.saferkent.platform.test.Tokens;
import org.saferkent.platform.test.TopicRecords;
import org.saferkent.platform.test.WithRealInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 17: a referral whose deadlines fall past the shipped bank holidays (2012 to 2030) is taken in,
 * its clocks counted on the standing England &amp; Wales rules, and operations are told once per year
 * ({@code ops.BankHolidaysComputed}) so that someone adds that year's list. Before, intake failed.
 *
 * <p>This context's clock is moved to Christmas Eve 2031, so it is closed after the class; its periodic
 * scans (clocks, retention) are set to an hour, longer than the class runs, so that nothing of the other
 * tests' referrals in the shared store is judged at that time.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = {"spring.config.name=referrals",
        "saferkent.referrals.clocks.scan-interval=1h", "saferkent.data-protection.retention.scan-interval=1h"})
@WithRealInfrastructure
@DirtiesContext
@Order(2) // after ReferralClocksIT, also closed afterwards: the shared context is never paused for it
class BankHolidaysBeyondTheListIT {

    private static final String OPS = "ops.events";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TestConfiguration(proxyBeanMethods = false)
    static class ControlledTime {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }

    @Value("${local.server.port}")
    private int port;

    @Autowired
    private MovableClock clock;

    @Test
    void aReferralOnChristmasEve2031IsTakenInWithItsDeadlinesOnTheRulesAndOperationsAreToldOncePerYear() throws Exception {
        clock.moveTo(Instant.parse("2031-12-24T10:00:00Z")); // a Wednesday; Christmas Thursday, Boxing Day Friday

        HttpResponse<String> first = post(victimReferral());
        HttpResponse<String> second = post(victimReferral());

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(second.statusCode()).as(second.body()).isEqualTo(201);
        JsonNode referral = JSON.readTree(first.body());
        assertThat(londonDateOf(referral.path("receivedAt").asString())).isEqualTo("2031-12-24");
        // two working days: Mon 29 and Tue 30 December (25, 26 bank holidays; 27, 28 the weekend)
        assertThat(dueAt(referral, "victim-details-to-victim-services")).isEqualTo(Instant.parse("2031-12-31T00:00:00Z"));
        // five: 29, 30, 31 December, Fri 2 and Mon 5 January 2032 (New Year's Day a Thursday)
        assertThat(dueAt(referral, "triage-response")).isEqualTo(Instant.parse("2032-01-06T00:00:00Z"));

        await("ops.BankHolidaysComputed for 2031 and 2032").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> computed("2031").size() == 1 && computed("2032").size() == 1);
        JsonNode alert = JSON.readTree(computed("2031").get(0).value());
        assertThat(alert.path("service").asString()).isEqualTo("referrals");
        assertThat(alert.path("year").asInt()).isEqualTo(2031);
        assertThat(alert.path("lastListedYear").asInt()).isEqualTo(2030);
        assertThat(post(victimReferral()).statusCode()).isEqualTo(201);
        assertThat(computed("2031")).hasSize(1); // once a year, however many deadlines fall in it
    }

    private static String londonDateOf(String instant) {
        return java.time.LocalDate.ofInstant(Instant.parse(instant), java.time.ZoneId.of("Europe/London")).toString();
    }

    private static List<ConsumerRecord<String, byte[]>> computed(String year) {
        return TopicLog.of(OPS).records().stream()
                .filter(TopicRecords.headerEquals("ce_type", "ops.BankHolidaysComputed.v1"))
                .filter(record -> ("referrals/bank-holidays/" + year).equals(record.key()))
                .toList();
    }

    private static Map<String, Object> victimReferral() {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("role", "victim");
        subject.put("name", "Noel Holiday " + UUID.randomUUID().toString().substring(0, 8));
        subject.put("dateOfBirth", "1980-02-29");
        subject.put("postcode", "ME10 4AB");
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("agency", "kent-police");
        fields.put("agencyReference", "IT-" + UUID.randomUUID());
        fields.put("district", "swale");
        fields.put("category", "violent-crime");
        fields.put("subject", subject);
        fields.put("consent", Map.of("given", true, "recordedOn", "2031-12-23", "recordedBy", "PC 123"));
        fields.put("victimOptedOut", false);
        return fields;
    }

    private HttpResponse<String> post(Map<String, Object> referral) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/referrals"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .header("Authorization", Tokens.agency("kent-police"))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(referral), StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static Instant dueAt(JsonNode referral, String clockName) {
        return referral.path("clocks").valueStream().filter(c -> c.path("name").asString().equals(clockName))
                .map(c -> Instant.parse(c.path("dueAt").asString())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + clockName + " clock on " + referral));
    }
}
