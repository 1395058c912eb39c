package org.saferkent.commissioning;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.saferkent.platform.events.CloudEventHeaders;
import org.saferkent.platform.events.EventMetadata;

import tools.jackson.databind.json.JsonMapper;

/**
 * The events commissioning consumes, shaped exactly as their producers' schemas say
 * (contracts/schemas/referrals, contracts/schemas/victims, contracts/schemas/rj), pseudonyms
 * included: commissioning must read what it needs and keep nothing personal.
 */
public final class PartnershipEvents {

    public static final String REFERRALS = "referrals.referral.events";
    public static final String VICTIMS = "victims.case.events";
    public static final String RJ = "rj.case.events";
    public static final String DISPOSALS = "rj.disposal.events";
    /** A subject's keyed pseudonym as referrals computes it: 64 hex characters. */
    public static final String PSEUDONYM = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    /** A name a careless producer might one day add to an event: it must never come out of commissioning. */
    public static final String NAME = "Alexandra Example";

    /** One event: where it goes, its key and type, its payload and its id (reuse the id to redeliver it). */
    public record Event(String topic, String key, String type, String source, Map<String, Object> payload, String id, Instant time) {

        public Event withId(String newId) {
            return new Event(topic, key, type, source, payload, newId, time);
        }

        public ProducerRecord<String, byte[]> record(JsonMapper json) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, json.writeValueAsBytes(payload));
            CloudEventHeaders.write(new EventMetadata(id, type, source, key, time, "it-" + id, id, 2,
                    "00-" + "ab".repeat(16) + "-" + "cd".repeat(8) + "-01"), record.headers());
            return record;
        }
    }

    private PartnershipEvents() {
    }

    // ---------------------------------------------------------------- referrals

    public static Event routed(String referralId, String district, String pathway, Instant at) {
        Map<String, Object> p = payload();
        p.put("referralId", referralId);
        p.put("district", district);
        p.put("category", "violent-crime");
        p.put("flags", List.of());
        p.put("pathway", pathway);
        p.put("riskLevel", "standard");
        p.put("marac", false);
        p.put("subjectRole", "victim");
        p.put("subjectPseudonym", PSEUDONYM);
        p.put("ageBand", "35-49");
        p.put("vulnerabilities", List.of());
        p.put("routedAt", at.toString());
        p.put("name", NAME); // not in the schema: a tolerant reader ignores it, and must not keep it
        return referralEvent(referralId, "referrals.ReferralRouted.v1", p, at);
    }

    public static Event accepted(String referralId, String district, String pathway, Instant at) {
        Map<String, Object> p = payload();
        p.put("referralId", referralId);
        p.put("pathway", pathway);
        p.put("caseId", "vc-" + referralId);
        p.put("district", district);
        p.put("acceptedAt", at.toString());
        return referralEvent(referralId, "referrals.ReferralAccepted.v1", p, at);
    }

    /** A partner team's acceptance in its inbox: its case id is {@code <pathway>-<referralId>}. */
    public static Event acceptedInInbox(String referralId, String district, String pathway, Instant at) {
        Map<String, Object> p = payload();
        p.put("referralId", referralId);
        p.put("pathway", pathway);
        p.put("caseId", pathway + "-" + referralId);
        p.put("district", district);
        p.put("acceptedAt", at.toString());
        return referralEvent(referralId, "referrals.ReferralAccepted.v1", p, at);
    }

    public static Event closed(String referralId, String district, String pathway, String outcome, Instant at) {
        Map<String, Object> p = payload();
        p.put("referralId", referralId);
        p.put("pathway", pathway);
        p.put("caseId", pathway + "-" + referralId);
        p.put("outcome", outcome);
        p.put("district", district);
        p.put("closedAt", at.toString());
        return referralEvent(referralId, "referrals.ReferralClosed.v1", p, at);
    }

    public static Event declined(String referralId, String district, String pathway, Instant at) {
        Map<String, Object> p = payload();
        p.put("referralId", referralId);
        p.put("pathway", pathway);
        p.put("caseId", null);
        p.put("reason", "outside-criteria");
        p.put("district", district);
        p.put("declinedAt", at.toString());
        return referralEvent(referralId, "referrals.ReferralDeclined.v1", p, at);
    }

    public static Event linked(String referralId, String linkedTo, String district, Instant at) {
        Map<String, Object> p = payload();
        p.put("referralId", referralId);
        p.put("linkedTo", linkedTo);
        p.put("agency", "kent-fire-rescue");
        p.put("district", district);
        p.put("category", "violent-crime");
        p.put("subjectPseudonym", PSEUDONYM);
        p.put("reason", "same-crime-reference");
        p.put("linkedAt", at.toString());
        return referralEvent(referralId, "referrals.ReferralLinked.v1", p, at);
    }

    // ---------------------------------------------------------------- victims

    public static Event victimCaseOpened(String caseId, String referralId, String district, String pathway, Instant at, Instant firstContactDue) {
        Map<String, Object> p = victimPayload(caseId, referralId, district);
        p.put("category", "violent-crime");
        p.put("pathway", pathway);
        p.put("openedAt", at.toString());
        p.put("enhanced", false);
        p.put("enhancedReasons", List.of());
        p.put("firstContactDueAt", firstContactDue.toString());
        p.put("restorativeJusticeInformationDueAt", firstContactDue.toString());
        return victimEvent(caseId, "victims.VictimCaseOpened.v1", p, at);
    }

    public static Event victimContacted(String caseId, String referralId, String district, Instant at, boolean withinTimeLimit) {
        Map<String, Object> p = victimPayload(caseId, referralId, district);
        p.put("channel", "phone");
        p.put("outcome", "made");
        p.put("attemptedAt", at.toString());
        p.put("firstContact", true);
        p.put("withinTimeLimit", withinTimeLimit);
        p.put("recordedAt", at.toString());
        return victimEvent(caseId, "victims.VictimContacted.v1", p, at);
    }

    public static Event deadlineMissed(String caseId, String referralId, String district, String duty, Instant due) {
        Map<String, Object> p = victimPayload(caseId, referralId, district);
        p.put("duty", duty);
        p.put("enhanced", false);
        p.put("dueAt", due.toString());
        p.put("missedAt", due.plusSeconds(60).toString());
        return victimEvent(caseId, "victims.VictimCodeDeadlineMissed.v1", p, due.plusSeconds(60));
    }

    public static Event outcomeRecorded(String caseId, String referralId, String district, String pathway, Map<String, String> needs,
            boolean copeAndRecover, Instant at) {
        Map<String, Object> p = victimPayload(caseId, referralId, district);
        p.put("pathway", pathway);
        p.put("needs", needs);
        p.put("copeAndRecover", copeAndRecover);
        p.put("recordedAt", at.toString());
        return victimEvent(caseId, "victims.VictimOutcomeRecorded.v1", p, at);
    }

    public static Event needsAssessed(String caseId, String referralId, String district, Instant at) {
        Map<String, Object> p = victimPayload(caseId, referralId, district);
        p.put("needs", Map.of("drugs-alcohol", "medium"));
        p.put("reassessment", false);
        p.put("assessedAt", at.toString());
        return victimEvent(caseId, "victims.VictimNeedsAssessed.v1", p, at);
    }

    public static Event supportPlanAgreed(String caseId, String referralId, String district, Instant at) {
        Map<String, Object> p = victimPayload(caseId, referralId, district);
        p.put("actionCount", 2);
        p.put("reviewOn", at.plusSeconds(86_400 * 28).toString().substring(0, 10));
        p.put("revision", 1);
        p.put("agreedAt", at.toString());
        return victimEvent(caseId, "victims.VictimSupportPlanAgreed.v1", p, at);
    }

    public static Event victimCaseClosed(String caseId, String referralId, String district, String pathway, String reason, Instant at) {
        Map<String, Object> p = victimPayload(caseId, referralId, district);
        p.put("pathway", pathway);
        p.put("reason", reason);
        p.put("outcome", null);
        p.put("closedAt", at.toString());
        return victimEvent(caseId, "victims.VictimCaseClosed.v1", p, at);
    }

    // ---------------------------------------------------------------- restorative justice

    public static Event rjCaseOpened(String caseId, String referralId, String district, Instant at) {
        Map<String, Object> p = payload();
        p.put("caseId", caseId);
        p.put("source", referralId == null ? "yos" : "referral");
        p.put("referralId", referralId);
        p.put("victimCaseId", null);
        p.put("district", district);
        p.put("category", "criminal-damage-arson");
        p.put("flags", List.of());
        p.put("sensitive", false);
        p.put("openedAt", at.toString());
        return rjEvent(caseId, "rj.RjCaseOpened.v1", p, at);
    }

    public static Event rjOutcomeRecorded(String caseId, String referralId, String district, Integer satisfaction,
            Boolean wouldRecommend, Instant at) {
        Map<String, Object> p = payload();
        p.put("caseId", caseId);
        p.put("referralId", referralId);
        p.put("district", district);
        p.put("category", "criminal-damage-arson");
        p.put("type", "direct-conference");
        p.put("restorative", true);
        p.put("offenderTakesResponsibility", true);
        p.put("victimOrAffectedPartyInvolved", true);
        p.put("structuredProcess", true);
        p.put("reparation", true);
        p.put("result", "completed");
        p.put("apology", true);
        p.put("reparationType", "community");
        p.put("reparationHours", 10);
        p.put("victimSatisfaction", satisfaction);
        p.put("victimSatisfied", satisfaction == null ? null : satisfaction >= 4);
        p.put("wouldRecommend", wouldRecommend);
        p.put("recordedAt", at.toString());
        return rjEvent(caseId, "rj.RjOutcomeRecorded.v1", p, at);
    }

    public static Event rjCaseClosed(String caseId, String referralId, String district, String reason, Instant at) {
        Map<String, Object> p = payload();
        p.put("caseId", caseId);
        p.put("referralId", referralId);
        p.put("source", referralId == null ? "yos" : "referral");
        p.put("district", district);
        p.put("reason", reason);
        p.put("outcome", reason);
        p.put("detail", null);
        p.put("restorative", "completed".equals(reason));
        p.put("closedAt", at.toString());
        return rjEvent(caseId, "rj.RjCaseClosed.v1", p, at);
    }

    public static Event firstTimeEntrant(String disposalId, String district, LocalDate disposalDate, int age, String supersedes) {
        Map<String, Object> p = payload();
        p.put("personPseudonym", PSEUDONYM);
        p.put("disposalId", disposalId);
        p.put("district", district);
        p.put("quarter", disposalDate.getYear() + "-Q" + ((disposalDate.getMonthValue() - 1) / 3 + 1));
        p.put("disposalType", "youth-caution");
        p.put("disposalDate", disposalDate.toString());
        p.put("ageAtDisposal", age);
        p.put("supersedesDisposalId", supersedes);
        Instant at = disposalDate.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(3600);
        p.put("recordedAt", at.toString());
        return new Event(DISPOSALS, PSEUDONYM, "rj.FirstTimeEntrantRecorded.v1", "/saferkent/restorative-justice", p,
                UUID.randomUUID().toString(), at);
    }

    // ---------------------------------------------------------------- shapes

    private static Map<String, Object> payload() {
        return new LinkedHashMap<>();
    }

    private static Map<String, Object> victimPayload(String caseId, String referralId, String district) {
        Map<String, Object> p = payload();
        p.put("caseId", caseId);
        p.put("referralId", referralId);
        p.put("district", district);
        return p;
    }

    private static Event referralEvent(String referralId, String type, Map<String, Object> payload, Instant at) {
        return new Event(REFERRALS, referralId, type, "/saferkent/referrals", payload, UUID.randomUUID().toString(), at);
    }

    private static Event victimEvent(String caseId, String type, Map<String, Object> payload, Instant at) {
        return new Event(VICTIMS, caseId, type, "/saferkent/victims", payload, UUID.randomUUID().toString(), at);
    }

    private static Event rjEvent(String caseId, String type, Map<String, Object> payload, Instant at) {
        return new Event(RJ, caseId, type, "/saferkent/restorative-justice", payload, UUID.randomUUID().toString(), at);
    }
}
