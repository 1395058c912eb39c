package org.saferkent.benchmark;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.saferkent.platform.events.CloudEventHeaders;
import org.saferkent.platform.events.EventMetadata;
import org.saferkent.simulator.KentShape;

import tools.jackson.databind.json.JsonMapper;

/**
 * A year of the partnership's events in their wire format (CloudEvents headers, JSON payloads shaped
 * as contracts/schemas says), as the producers would have published them: each referral routed,
 * accepted or declined per pathway, some linked as duplicates, victim cases opened, contacted, some
 * deadlines missed and outcomes recorded, restorative justice cases opened, concluded and closed,
 * and first-time entrants' disposals. Deterministic from a seed. Pseudonyms are fixed dummies: nothing
 * here is anybody's data.
 */
public final class PartnershipHistory {

    public static final String REFERRALS = "referrals.referral.events";
    public static final String VICTIMS = "victims.case.events";
    public static final String RJ = "rj.case.events";
    public static final String DISPOSALS = "rj.disposal.events";
    public static final List<String> TOPICS = List.of(REFERRALS, VICTIMS, RJ, DISPOSALS);

    private static final String PSEUDONYM = "0".repeat(64);
    private static final Instant YEAR_START = LocalDate.of(2025, 4, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final String TRACE = "00-" + "ab".repeat(16) + "-" + "cd".repeat(8) + "-01";

    /** What one referral of the history was: the preload stores its documents from this. */
    public record Plan(String referralId, String district, Instant at, List<String> pathways, boolean duplicate, boolean victimCase) {
    }

    private final JsonMapper json = JsonMapper.builder().build();
    private final Random random;
    private final Instant start;
    private final int spanMinutes;
    private final String idNamespace;
    private long referrals;
    private Plan last;

    /** The rebuild's year: from 2025-04-01, ids {@code bench-r-<n>}. */
    public PartnershipHistory(long seed) {
        this(seed, YEAR_START, 365 * 24 * 60, null);
    }

    /**
     * A history of referrals received in {@code [start, start + spanMinutes)}. With an {@code idNamespace}
     * the ids are shaped as the services derive them (a UUID per referral, its victim case
     * {@code vc-<referral>}, its RJ case {@code rj-referral-<referral>}), unique to the namespace.
     */
    public PartnershipHistory(long seed, Instant start, int spanMinutes, String idNamespace) {
        this.random = new Random(seed);
        this.start = start;
        this.spanMinutes = spanMinutes;
        this.idNamespace = idNamespace;
    }

    /** The referral whose events {@link #nextReferral()} returned last. */
    public Plan lastPlan() {
        return last;
    }

    /**
     * With a namespace, a UUID in the order the referrals are made (a 24-bit mark of the namespace, then {@code n},
     * then the low half of a name-based UUID): the preload's documents keyed by these ids then go into the stores'
     * B-trees where the last one went, not anywhere (see {@code HistoryPreload.Tokens}).
     */
    private String referralId(long n) {
        if (idNamespace == null) {
            return "bench-r-" + n;
        }
        UUID named = UUID.nameUUIDFromBytes((idNamespace + "/" + n).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        long mark = idNamespace.hashCode() & 0xFFFFFFL;
        return new UUID((mark << 40) | (n & ((1L << 40) - 1)), named.getLeastSignificantBits()).toString();
    }

    /** The next referral's events, in the order their producers publish them. */
    public List<ProducerRecord<String, byte[]>> nextReferral() {
        long n = referrals++;
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        String referralId = referralId(n);
        String district = KentShape.DISTRICTS.pick(random);
        Instant at = start.plus(random.nextInt(spanMinutes), ChronoUnit.MINUTES);
        List<String> pathways = new ArrayList<>(List.of("victim-support"));
        if (random.nextDouble() < 0.16) {
            pathways.add(0, "domestic-abuse");
        }
        if (random.nextDouble() < KentShape.RJ_SHARE) {
            pathways.add("restorative-justice");
        }
        if (n > 0 && random.nextDouble() < KentShape.DUPLICATE_SHARE) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("referralId", referralId);
            p.put("linkedTo", referralId(n - 1));
            p.put("agency", "kent-fire-rescue");
            p.put("district", district);
            p.put("category", "violent-crime");
            p.put("subjectPseudonym", PSEUDONYM);
            p.put("reason", "same-crime-reference");
            p.put("linkedAt", at.toString());
            records.add(record(REFERRALS, referralId, "referrals.ReferralLinked.v1", "/saferkent/referrals", p, at));
            last = new Plan(referralId, district, at, List.of(), true, false);
            return records;
        }
        for (String pathway : pathways) {
            Map<String, Object> p = new LinkedHashMap<>();
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
            records.add(record(REFERRALS, referralId, "referrals.ReferralRouted.v1", "/saferkent/referrals", p, at));
        }
        Instant opened = at.plus(1 + random.nextInt(120), ChronoUnit.MINUTES);
        String victimCase = idNamespace == null ? "bench-vc-" + n : "vc-" + referralId;
        String victimPathway = pathways.get(0);
        boolean opensVictimCase = random.nextDouble() < 0.95;
        last = new Plan(referralId, district, at, List.copyOf(pathways), false, opensVictimCase);
        if (opensVictimCase) {
            Map<String, Object> p = victim(victimCase, referralId, district);
            p.put("category", "violent-crime");
            p.put("pathway", victimPathway);
            p.put("openedAt", opened.toString());
            p.put("enhanced", "domestic-abuse".equals(victimPathway));
            p.put("enhancedReasons", List.of());
            Instant due = opened.plus(5, ChronoUnit.DAYS);
            p.put("firstContactDueAt", due.toString());
            p.put("restorativeJusticeInformationDueAt", due.toString());
            records.add(record(VICTIMS, victimCase, "victims.VictimCaseOpened.v1", "/saferkent/victims", p, opened));
            records.add(answered(referralId, victimPathway, victimCase, district, opened, true));
            if (random.nextDouble() < 0.85) {
                Instant contacted = opened.plus(1 + random.nextInt(6 * 24), ChronoUnit.HOURS);
                Map<String, Object> c = victim(victimCase, referralId, district);
                c.put("channel", "phone");
                c.put("outcome", "made");
                c.put("attemptedAt", contacted.toString());
                c.put("firstContact", true);
                c.put("withinTimeLimit", contacted.isBefore(due));
                c.put("recordedAt", contacted.toString());
                records.add(record(VICTIMS, victimCase, "victims.VictimContacted.v1", "/saferkent/victims", c, contacted));
            } else {
                Map<String, Object> m = victim(victimCase, referralId, district);
                m.put("duty", "first-contact");
                m.put("enhanced", false);
                m.put("dueAt", due.toString());
                m.put("missedAt", due.plusSeconds(60).toString());
                records.add(record(VICTIMS, victimCase, "victims.VictimCodeDeadlineMissed.v1", "/saferkent/victims", m, due.plusSeconds(60)));
            }
            if (random.nextDouble() < 0.6) {
                Instant recorded = opened.plus(10 + random.nextInt(60), ChronoUnit.DAYS);
                Map<String, Object> o = victim(victimCase, referralId, district);
                o.put("pathway", victimPathway);
                o.put("needs", Map.of("mental-physical-health", random.nextBoolean() ? "improved" : "sustained",
                        "finance-benefits", random.nextDouble() < 0.7 ? "improved" : "not-improved"));
                o.put("copeAndRecover", random.nextDouble() < 0.75);
                o.put("recordedAt", recorded.toString());
                records.add(record(VICTIMS, victimCase, "victims.VictimOutcomeRecorded.v1", "/saferkent/victims", o, recorded));
            }
        } else {
            records.add(answered(referralId, victimPathway, null, district, opened, false));
        }
        if (pathways.contains("restorative-justice")) {
            rj(records, idNamespace == null ? "bench-rj-" + n : "rj-referral-" + referralId, referralId, district, opened);
        }
        if (n % 40 == 0) {
            firstTimeEntrant(records, idNamespace == null ? "bench-d-" + n : "d-" + referralId, district, at);
        }
        return records;
    }

    private ProducerRecord<String, byte[]> answered(String referralId, String pathway, String caseId, String district, Instant at,
            boolean accepted) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("referralId", referralId);
        p.put("pathway", pathway);
        p.put("caseId", caseId);
        if (!accepted) {
            p.put("reason", "outside-criteria");
        }
        p.put("district", district);
        p.put(accepted ? "acceptedAt" : "declinedAt", at.toString());
        return record(REFERRALS, referralId, accepted ? "referrals.ReferralAccepted.v1" : "referrals.ReferralDeclined.v1",
                "/saferkent/referrals", p, at);
    }

    private void rj(List<ProducerRecord<String, byte[]>> records, String caseId, String referralId, String district, Instant at) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("caseId", caseId);
        p.put("source", "referral");
        p.put("referralId", referralId);
        p.put("victimCaseId", null);
        p.put("district", district);
        p.put("category", "criminal-damage-arson");
        p.put("flags", List.of());
        p.put("sensitive", false);
        p.put("openedAt", at.toString());
        records.add(record(RJ, caseId, "rj.RjCaseOpened.v1", "/saferkent/restorative-justice", p, at));
        if (random.nextDouble() < 0.6) {
            Instant recorded = at.plus(20 + random.nextInt(60), ChronoUnit.DAYS);
            int satisfaction = 2 + random.nextInt(4);
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("caseId", caseId);
            o.put("referralId", referralId);
            o.put("district", district);
            o.put("category", "criminal-damage-arson");
            o.put("type", "direct-conference");
            o.put("restorative", true);
            o.put("offenderTakesResponsibility", true);
            o.put("victimOrAffectedPartyInvolved", true);
            o.put("structuredProcess", true);
            o.put("reparation", true);
            o.put("result", "completed");
            o.put("apology", true);
            o.put("reparationType", "community");
            o.put("reparationHours", 10);
            o.put("victimSatisfaction", satisfaction);
            o.put("victimSatisfied", satisfaction >= 4);
            o.put("wouldRecommend", random.nextDouble() < 0.8);
            o.put("recordedAt", recorded.toString());
            records.add(record(RJ, caseId, "rj.RjOutcomeRecorded.v1", "/saferkent/restorative-justice", o, recorded));
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("caseId", caseId);
            c.put("referralId", referralId);
            c.put("source", "referral");
            c.put("district", district);
            c.put("reason", "completed");
            c.put("outcome", "completed");
            c.put("detail", null);
            c.put("restorative", true);
            c.put("closedAt", recorded.plusSeconds(3600).toString());
            records.add(record(RJ, caseId, "rj.RjCaseClosed.v1", "/saferkent/restorative-justice", c, recorded.plusSeconds(3600)));
        }
    }

    private void firstTimeEntrant(List<ProducerRecord<String, byte[]>> records, String disposalId, String district, Instant at) {
        LocalDate date = LocalDate.ofInstant(at, ZoneOffset.UTC);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("personPseudonym", PSEUDONYM);
        p.put("disposalId", disposalId);
        p.put("district", district);
        p.put("quarter", date.getYear() + "-Q" + ((date.getMonthValue() - 1) / 3 + 1));
        p.put("disposalType", "youth-caution");
        p.put("disposalDate", date.toString());
        p.put("ageAtDisposal", 10 + random.nextInt(8));
        p.put("supersedesDisposalId", null);
        p.put("recordedAt", at.toString());
        records.add(record(DISPOSALS, PSEUDONYM, "rj.FirstTimeEntrantRecorded.v1", "/saferkent/restorative-justice", p, at));
    }

    private static Map<String, Object> victim(String caseId, String referralId, String district) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("caseId", caseId);
        p.put("referralId", referralId);
        p.put("district", district);
        return p;
    }

    private ProducerRecord<String, byte[]> record(String topic, String key, String type, String source, Map<String, Object> payload,
            Instant time) {
        String id = new UUID(random.nextLong(), random.nextLong()).toString();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, json.writeValueAsBytes(payload));
        CloudEventHeaders.write(new EventMetadata(id, type, source, key, time, id, id, 1, TRACE), record.headers());
        return record;
    }
}
