package org.saferkent.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.bson.Document;
import org.junit.jupiter.api.Test;

class HistoryPreloadTest {

    private static final String REFERRAL = "187ea941-3cdf-3a62-82fa-c98c4233262e";
    private static final String PSEUDONYM = "6cd83c6b033ef0e1709c207c55b18810ce23e1d49158e0b34415cdf1a5f172af";
    private static final String KEY = "58660b88-060b-4b83-b788-5592ebefd25a";
    private static final Instant RECEIVED = Instant.parse("2026-12-05T09:51:05Z");

    private final HistoryPreload.Template template = new HistoryPreload.Template(REFERRAL, RECEIVED, "thanet", true, false, Map.of(
            "referrals.referrals", List.of(new Document("_id", REFERRAL).append("agencyReference", "SIM-7-42").append("district", "THANET")
                    .append("subject", new Document("pseudonym", PSEUDONYM)).append("incidentDate", Date.from(Instant.parse("2026-11-28T00:00:00Z")))
                    .append("receivedAt", Date.from(RECEIVED)).append("pendingEvents", List.of(new Document("topic", "x")))
                    .append("relayDue", Date.from(RECEIVED))),
            "victims.victim_cases", List.of(new Document("_id", "vc-" + REFERRAL).append("referralId", REFERRAL).append("district", "thanet")
                    .append("timeline", List.of(new Document("what", "opened").append("detail", "victim-support referral " + REFERRAL)))),
            "victims.victim_details", List.of(new Document("_id", "vc-" + REFERRAL).append("subject", PSEUDONYM)
                    .append("sealed", new Document("name", "v1:" + KEY + ":iv:ciphertext"))),
            "commissioning.victim_case_facts", List.of(new Document("_id", "vc-" + REFERRAL).append("openedOn", "2026-12-05")
                    .append("quarters", List.of("2026-Q4")).append("district", "thanet"))));

    @Test
    void aCopyIsThePlannedReferralThroughoutItsChainWithItsDatesDistrictAndQuarter() {
        PartnershipHistory.Plan plan = new PartnershipHistory.Plan("0c5b4c1e-1111-3222-8333-444455556666", "dover",
                Instant.parse("2021-02-10T08:00:00Z"), List.of("victim-support"), false, true);

        Map<String, List<Document>> copy = HistoryPreload.copy(template, plan, new HistoryPreload.Tokens(new Random(1)));

        Document referral = copy.get("referrals.referrals").get(0);
        assertThat(referral.getString("_id")).isEqualTo(plan.referralId());
        assertThat(referral.getString("district")).isEqualTo("DOVER");
        assertThat(referral.getString("agencyReference")).doesNotContain("SIM");
        assertThat(referral.getDate("receivedAt").toInstant()).isEqualTo(plan.at());
        assertThat(referral.getDate("incidentDate").toInstant()).isEqualTo(Instant.parse("2021-02-03T00:00:00Z"));
        assertThat(referral.getList("pendingEvents", Object.class)).isEmpty();
        assertThat(referral).doesNotContainKey("relayDue");
        String pseudonym = referral.get("subject", Document.class).getString("pseudonym");
        assertThat(pseudonym).hasSize(64).isNotEqualTo(PSEUDONYM);

        Document victimCase = copy.get("victims.victim_cases").get(0);
        assertThat(victimCase.getString("_id")).isEqualTo("vc-" + plan.referralId());
        assertThat(victimCase.getString("district")).isEqualTo("dover");
        assertThat(victimCase.getList("timeline", Document.class).get(0).getString("detail")).endsWith(plan.referralId());
        Document details = copy.get("victims.victim_details").get(0);
        assertThat(details.getString("subject")).isEqualTo(pseudonym);
        assertThat(details.get("sealed", Document.class).getString("name")).doesNotContain(KEY).endsWith(":iv:ciphertext");

        Document fact = copy.get("commissioning.victim_case_facts").get(0);
        assertThat(fact.getString("openedOn")).isEqualTo("2021-02-10");
        assertThat(fact.getList("quarters", String.class)).containsExactly("2021-Q1");
    }

    @Test
    void twoCopiesOfOneTemplateShareNoIdentifier() {
        HistoryPreload.Tokens tokens = new HistoryPreload.Tokens(new Random(1)); // one load's, as the preload shares them
        Map<String, List<Document>> one = HistoryPreload.copy(template, new PartnershipHistory.Plan("a", "dover", RECEIVED, List.of(), false, true), tokens);
        Map<String, List<Document>> two = HistoryPreload.copy(template, new PartnershipHistory.Plan("b", "dover", RECEIVED, List.of(), false, true), tokens);

        assertThat(one.get("victims.victim_details").get(0).getString("subject"))
                .isNotEqualTo(two.get("victims.victim_details").get(0).getString("subject"));
        assertThat(one.get("victims.victim_details").get(0).get("sealed", Document.class).getString("name"))
                .isNotEqualTo(two.get("victims.victim_details").get(0).get("sealed", Document.class).getString("name"));
    }
}
