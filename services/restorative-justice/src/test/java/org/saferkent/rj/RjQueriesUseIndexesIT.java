package org.saferkent.rj;

import static org.assertj.core.api.Assertions.assertThat;
import static org.saferkent.rj.Bus.VICTIM_EVENTS;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.saferkent.platform.pseudonyms.Pseudonymiser;
import org.saferkent.platform.test.StoreScans;
import org.saferkent.platform.test.TopicRecords;
import org.saferkent.platform.test.WithRealInfrastructure;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import tools.jackson.databind.JsonNode;

/**
 * Flat cost as the data grows: opening cases from a victim's opt-in and finding them by referral,
 * recording disposals, and the youth justice measures (first-time entrants for Kent and a district, the
 * reoffending cohort split by who took part in restorative justice) read no collection of the service's
 * whole: each query is served by an index the service declares (embedded store: counted by the store;
 * MongoDB: the profiler's COLLSCAN plans).
 */
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = "spring.config.name=restorative-justice")
@WithRealInfrastructure
class RjQueriesUseIndexesIT {

    /** The relay's own sweep belongs to platform/outbox, which declares its indexes itself. */
    private static final List<String> OUTBOX_FIELDS = List.of("pendingEvents", "relayLease");

    @Value("${local.server.port}")
    private int port;

    @Test
    void theServicesWorkReadsNoCollectionWhole() {
        StoreScans.Mark mark = StoreScans.mark("restorative-justice");

        String victimCaseId = "vc-" + UUID.randomUUID();
        String referralId = UUID.randomUUID().toString();
        TopicRecords.send(Bus.victimOptedIn(victimCaseId, referralId, People.pseudonym()));
        Bus.awaitConsumed(VICTIM_EVENTS);
        assertThat(api().getJson("/api/rj-cases?referralId=" + referralId).path("id").asString())
                .isEqualTo("rj-referral-" + referralId);
        assertThat(api().get("/api/rj-cases?referralId=" + UUID.randomUUID()).statusCode()).isEqualTo(404); // the fallback query

        String person = People.pseudonym();
        api().as("agency-kcc-youth-offending-service").postExpecting(201, "/api/disposals", Map.of("personPseudonym", person, "ageAtOffence", 15,
                "offenceCategory", "shoplifting", "offenceDate", "2024-02-01", "disposalType", "youth-caution",
                "disposalDate", "2024-02-01", "district", "swale", "agency", "kcc-youth-offending-service"));
        // with the person's details: found by PNC ID, by a pseudonym the history knows them by, by name and date of birth
        String name = "Index" + UUID.randomUUID().toString().replaceAll("[^a-z]", "") + " Person";
        api().as("agency-kent-police").postExpecting(201, "/api/disposals", Map.of("person", Map.of("name", name,
                "dateOfBirth", "2009-01-01", "postcode", "ME10 1AA", "pncId", "2023/1234567V"), "offenceCategory", "shoplifting",
                "offenceDate", "2024-02-02", "disposalType", "youth-caution", "disposalDate", "2024-02-02", "district", "swale"));
        JsonNode moved = api().as("agency-kent-police").postExpecting(201, "/api/disposals", Map.of("person", Map.of("name", name,
                "dateOfBirth", "2009-01-01", "postcode", "ME11 1AA"), "offenceCategory", "shoplifting",
                "offenceDate", "2024-03-02", "disposalType", "youth-caution", "disposalDate", "2024-03-02", "district", "swale"));
        assertThat(api().getJson("/api/disposals?personPseudonym=" + Pseudonymiser.configured("secret",
                Pseudonymiser.DEVELOPMENT_SECRET, List.of()).pseudonym(name, LocalDate.parse("2009-01-01"), "ME11 1AA")))
                .hasSize(2);
        assertThat(moved.path("firstTimeEntrant").asBoolean()).isFalse();
        JsonNode district = api().getJson("/api/youth-justice/first-time-entrants?district=swale&quarter=2024-Q1");
        assertThat(district.path("firstTimeEntrants").asLong()).isPositive();
        assertThat(api().getJson("/api/youth-justice/first-time-entrants?quarter=2024-Q1").path("firstTimeEntrants").asLong())
                .isGreaterThanOrEqualTo(district.path("firstTimeEntrants").asLong());
        assertThat(api().getJson("/api/youth-justice/reoffending?quarter=2024-Q1&district=swale").path("all").path("cohort")
                .asInt()).isPositive();
        assertThat(api().getJson("/api/youth-justice/reoffending?quarter=2024-Q1").path("all").path("cohort").asInt())
                .isPositive();

        assertThat(StoreScans.since(mark).keySet().stream()
                .filter(shape -> OUTBOX_FIELDS.stream().noneMatch(shape::contains)))
                .as("collection scans of restorative justice's collections, by query shape")
                .isEmpty();
    }

    private RjApi api() {
        return new RjApi(port);
    }
}
