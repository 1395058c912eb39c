package org.saferkent.rj;

import static org.assertj.core.api.Assertions.assertThat;
import static org.saferkent.rj.Bus.CASE_EVENTS;
import static org.saferkent.rj.Bus.REFERRAL_EVENTS;
import static org.saferkent.rj.Bus.VICTIM_EVENTS;
import static org.saferkent.rj.Bus.keyed;
import static org.saferkent.rj.Bus.ofType;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.saferkent.platform.test.TopicRecords;
import org.saferkent.platform.test.WithRealInfrastructure;
import org.saferkent.rj.rjcase.application.RjCases;
import org.saferkent.rj.rjcase.domain.RjCase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

import tools.jackson.databind.JsonNode;

/**
 * A victim's opt-in (victims' events, keyed by victim case) and their referral's routing to
 * restorative justice (referrals' events, keyed by referral) can be consumed in either order. Both
 * orders give one case, keyed by the referral, with the same participants, announced once.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = "spring.config.name=restorative-justice")
@WithRealInfrastructure
class OptInOutOfOrderIT {

    private static final String OPENED = "rj.RjCaseOpened.v1";

    @Value("${local.server.port}")
    private int port;

    @Autowired
    private MongoTemplate mongo;

    @Autowired
    private RjCases cases;

    // ---------------------------------------------------------------- application: RjCases

    @Test
    void anOptInHandledBeforeItsReferralGivesTheSameSingleCaseAsInOrder() {
        Story inOrder = new Story();
        inOrder.route();
        inOrder.optIn();

        Story outOfOrder = new Story();
        outOfOrder.optIn();
        outOfOrder.route();
        outOfOrder.optIn(); // redeliveries, after the fact
        outOfOrder.route();

        RjCase expected = cases.byReferral(inOrder.referralId).orElseThrow();
        RjCase actual = cases.byReferral(outOfOrder.referralId).orElseThrow();
        assertThat(actual.id()).isEqualTo(RjCase.idFor(RjCase.REFERRAL, outOfOrder.referralId));
        assertThat(actual.participants()).extracting(p -> p.role() + ":" + p.pseudonym())
                .containsExactlyInAnyOrder("OFFENDER:" + outOfOrder.offender, "VICTIM:" + outOfOrder.victim);
        assertThat(seen(actual, outOfOrder)).isEqualTo(seen(expected, inOrder));
        assertThat(casesFrom(outOfOrder.referralId)).isEqualTo(casesFrom(inOrder.referralId)).isEqualTo(1);
        assertThat(cases.find(RjCase.idFor(RjCase.VICTIM_CASE, outOfOrder.victimCaseId))).isEmpty();
        assertThat(published(actual.id())).isEqualTo(published(expected.id())).containsExactly(OPENED);
    }

    // ---------------------------------------------------------------- over the broker

    @Test
    void overTheBrokerAnOptInConsumedBeforeItsReferralGivesTheSameSingleCaseAsInOrder() {
        String inOrder = UUID.randomUUID().toString();
        String offender = People.pseudonym();
        String victim = People.pseudonym();
        TopicRecords.send(routed(inOrder, offender));
        Bus.awaitConsumed(REFERRAL_EVENTS);
        TopicRecords.send(Bus.victimOptedIn("vc-" + inOrder, inOrder, victim));
        Bus.awaitConsumed(VICTIM_EVENTS);

        String outOfOrder = UUID.randomUUID().toString();
        ProducerRecord<String, byte[]> optIn = Bus.victimOptedIn("vc-" + outOfOrder, outOfOrder, victim);
        TopicRecords.send(optIn);
        Bus.awaitConsumed(VICTIM_EVENTS);
        ProducerRecord<String, byte[]> routing = routed(outOfOrder, offender);
        TopicRecords.send(routing);
        TopicRecords.send(routing); // redelivered
        TopicRecords.send(optIn);
        Bus.awaitConsumed(REFERRAL_EVENTS);
        Bus.awaitConsumed(VICTIM_EVENTS);

        JsonNode expected = api().getJson("/api/rj-cases?referralId=" + inOrder);
        JsonNode actual = api().getJson("/api/rj-cases?referralId=" + outOfOrder);
        assertThat(actual.path("id").asString()).isEqualTo("rj-referral-" + outOfOrder);
        assertThat(actual.path("victimCaseId").asString()).isEqualTo("vc-" + outOfOrder);
        assertThat(actual.path("sensitive").asBoolean()).as("the referral's flags reached the case").isTrue();
        assertThat(participants(actual)).containsExactlyInAnyOrder("offender:" + offender, "victim:" + victim)
                .containsExactlyInAnyOrderElementsOf(participants(expected));
        for (String field : List.of("district", "category", "flags", "sensitive", "sensitivities", "status", "managerApprovalRequired")) {
            assertThat(actual.path(field)).as(field).isEqualTo(expected.path(field));
        }
        assertThat(casesFrom(outOfOrder)).isEqualTo(casesFrom(inOrder)).isEqualTo(1);
        assertThat(api().get("/api/rj-cases/rj-victim-case-vc-" + outOfOrder).statusCode()).isEqualTo(404);
        assertThat(published("rj-referral-" + outOfOrder)).isEqualTo(published("rj-referral-" + inOrder))
                .containsExactly(OPENED);
    }

    // ---------------------------------------------------------------- helpers

    /** One referral routed to restorative justice with its offender as subject, and its victim's opt-in. */
    private final class Story {
        final String referralId = UUID.randomUUID().toString();
        final String victimCaseId = "vc-" + referralId;
        final String offender = People.pseudonym();
        final String victim = People.pseudonym();
        final String routeEvent = UUID.randomUUID().toString();
        final String optInEvent = UUID.randomUUID().toString();

        void route() {
            cases.referralRouted(routeEvent, referralId, "canterbury", "violent-crime", List.of("domestic-abuse"),
                    "restorative-justice", "offender", offender);
        }

        void optIn() {
            cases.victimOptedIn(optInEvent, victimCaseId, referralId, "canterbury", "violent-crime", victim);
        }

        String anonymous(String text) {
            return text.replace(referralId, "REFERRAL").replace(offender, "OFFENDER").replace(victim, "VICTIM");
        }
    }

    private static List<Object> seen(RjCase c, Story story) {
        return List.of(story.anonymous(c.id()), story.anonymous(c.referralId()), story.anonymous(c.victimCaseId()),
                c.district(), c.category(), c.flags(), c.sensitivities(), c.status(), c.managerApprovalRequired(),
                c.participants().stream().map(p -> p.role() + ":" + story.anonymous(p.pseudonym())).sorted().toList());
    }

    private static ProducerRecord<String, byte[]> routed(String referralId, String offender) {
        return Bus.referralRouted(referralId, "restorative-justice", "burglary", List.of("domestic-abuse"), "offender", offender);
    }

    private static List<String> participants(JsonNode rjCase) {
        return rjCase.path("participants").valueStream()
                .map(p -> p.path("role").asString() + ":" + p.path("pseudonym").asString()).toList();
    }

    /** The types the case published, once its outbox is drained. */
    private List<String> published(String caseId) {
        Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> {
            Document doc = mongo.getCollection("rj_cases").find(new Document("_id", caseId)).first();
            return doc != null && doc.getList("pendingEvents", Document.class, List.of()).isEmpty();
        });
        Bus.await(CASE_EVENTS, ofType(OPENED).and(keyed(caseId)));
        return Bus.types(Bus.matching(CASE_EVENTS, keyed(caseId)));
    }

    private long casesFrom(String referralId) {
        return mongo.getCollection("rj_cases").countDocuments(new Document("referralId", referralId));
    }

    private RjApi api() {
        return new RjApi(port);
    }
}
