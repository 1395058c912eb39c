package org.saferkent.simulator;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Kent-shaped referrals, the same ones for the same seed and day: {@link KentShape} gives the mix,
 * a pool of earlier subjects gives repeats, and a duplicate (another agency, same person, same crime
 * reference) follows its original immediately. Subjects are fictional ("Sim Person 123"), but they
 * are personal data as far as the services can tell, which is the point.
 */
public final class ReferralGenerator {

    /** Subjects remembered for repeats: enough for a year's repeats to reach back months. */
    private static final int SUBJECT_MEMORY = 20_000;

    private final Random random;
    private final LocalDate today;
    private final String referencePrefix;
    private final List<Subject> subjects = new ArrayList<>();
    private final Deque<SimulatedReferral> pendingDuplicates = new ArrayDeque<>();
    private long sequence;
    private long subjectCount;

    /** A person as the simulator remembers them, to refer them again. */
    private record Subject(String name, LocalDate dateOfBirth, String postcode, String district) {
    }

    /**
     * @param referencePrefix starts every agency reference (the idempotency key): the same prefix and
     *                        seed against the same stack replay rather than create
     */
    public ReferralGenerator(long seed, LocalDate today, String referencePrefix) {
        this.random = new Random(seed);
        this.today = today;
        this.referencePrefix = referencePrefix;
    }

    public List<SimulatedReferral> next(int count) {
        List<SimulatedReferral> referrals = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            referrals.add(next());
        }
        return referrals;
    }

    public SimulatedReferral next() {
        if (!pendingDuplicates.isEmpty()) {
            return pendingDuplicates.poll();
        }
        long number = sequence++;
        String district = KentShape.DISTRICTS.pick(random);
        String agency = agency(KentShape.AGENCIES.pick(random), district);
        String category = KentShape.CATEGORIES.pick(random);
        String role = role(agency);
        boolean repeat = !subjects.isEmpty() && random.nextDouble() < KentShape.REPEAT_SHARE;
        Subject subject = repeat ? subjects.get(random.nextInt(subjects.size())) : newSubject(district, role, agency);
        if (repeat) {
            district = subject.district();
        } else {
            remember(subject);
        }
        LocalDate incident = today.minusDays(random.nextInt(28));
        String crimeReference = "anti-social-behaviour".equals(category) || random.nextDouble() < 0.2 ? null
                : "46/" + (100_000 + random.nextInt(900_000)) + "/" + (incident.getYear() % 100);
        String dashBand = "domestic-abuse".equals(category) && !"offender".equals(role) ? KentShape.DASH_BANDS.pick(random) : null;
        boolean override = random.nextDouble() < KentShape.OVERRIDE_SHARE;
        List<String> pathways = pathways(agency, category, role);
        String asbType = "anti-social-behaviour".equals(category) ? KentShape.ASB_TYPES.pick(random) : null;
        boolean optedOut = "victim".equals(role) && random.nextDouble() < KentShape.OPT_OUT_SHARE;
        List<String> vulnerabilities = random.nextDouble() < 0.06 ? List.of(random.nextBoolean() ? "mental-disorder" : "repeat-victim")
                : List.of();
        List<Boolean> dashAnswers = dashBand == null ? null : dashAnswers(dashBand, agency);
        String overrideBasis = override ? KentShape.OVERRIDE_BASES.pick(random) : null;

        SimulatedReferral original = referral(number, agency, district, category, role, pathways, dashBand, override, repeat, -1,
                subject, crimeReference, incident, asbType, optedOut, vulnerabilities, dashAnswers, overrideBasis);
        if (random.nextDouble() < KentShape.DUPLICATE_SHARE) {
            String other = otherAgency(agency, district);
            pendingDuplicates.add(referral(sequence++, other, district, category, role, pathways(other, category, role), dashBand,
                    override, repeat, number, subject, crimeReference, incident, asbType, optedOut, vulnerabilities,
                    dashBand == null ? null : dashAnswers(dashBand, other), overrideBasis));
        }
        return original;
    }

    private SimulatedReferral referral(long number, String agency, String district, String category, String role, List<String> pathways,
            String dashBand, boolean override, boolean repeat, long duplicateOf, Subject subject, String crimeReference,
            LocalDate incident, String asbType, boolean optedOut, List<String> vulnerabilities, List<Boolean> dashAnswers,
            String overrideBasis) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("agency", agency);
        body.put("agencyReference", referencePrefix + "-" + number);
        body.put("district", district);
        body.put("category", category);
        if (asbType != null) {
            body.put("asbType", asbType);
        }
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("role", role);
        person.put("name", subject.name());
        person.put("dateOfBirth", subject.dateOfBirth().toString());
        person.put("postcode", subject.postcode());
        if (!vulnerabilities.isEmpty()) {
            person.put("vulnerabilities", vulnerabilities);
        }
        body.put("subject", person);
        if (crimeReference != null) {
            body.put("crimeReference", crimeReference);
        }
        body.put("incidentDate", incident.toString());
        body.put("pathways", pathways);
        Map<String, Object> consent = new LinkedHashMap<>();
        if (override) {
            consent.put("given", false);
            consent.put("override", Map.of("basis", overrideBasis, "reason", "simulated: " + overrideBasis));
        } else {
            consent.put("given", true);
            consent.put("recordedOn", incident.toString());
            consent.put("recordedBy", agency + " officer");
        }
        body.put("consent", consent);
        if (dashAnswers != null) {
            body.put("dash", Map.of("checklist", dashAnswers.size() == 27 ? "police" : "safelives", "answers", dashAnswers));
        }
        if (optedOut) {
            body.put("victimOptedOut", true);
        }
        return new SimulatedReferral(number, agency, district, category, role, pathways, dashBand, override, repeat, duplicateOf,
                Collections.unmodifiableMap(body));
    }

    private String agency(String drawn, String district) {
        return "district".equals(drawn) ? KentShape.DISTRICT_COUNCILS.get(district) : drawn;
    }

    /** A duplicate comes from someone else who saw the same incident. */
    private String otherAgency(String agency, String district) {
        String other;
        do {
            other = agency(KentShape.AGENCIES.pick(random), district);
        } while (other.equals(agency));
        return other;
    }

    private String role(String agency) {
        return switch (agency) {
            case "probation-kent", "kcc-youth-offending-service" -> "offender";
            case "kcc-integrated-youth-services" -> random.nextDouble() < 0.6 ? "offender" : "vulnerable-person";
            case "kcc-families-social-care" -> random.nextDouble() < 0.5 ? "family" : "vulnerable-person";
            case "nhs-kent-medway", "kent-daat" -> "vulnerable-person";
            default -> "victim";
        };
    }

    private List<String> pathways(String agency, String category, String role) {
        List<String> pathways = new ArrayList<>();
        switch (role) {
            case "offender" -> {
                if ("kcc-youth-offending-service".equals(agency) || "kcc-integrated-youth-services".equals(agency)) {
                    pathways.add("youth-prevention");
                }
                pathways.add("restorative-justice");
            }
            case "family" -> pathways.add("troubled-families");
            case "vulnerable-person" -> pathways.add("kent-daat".equals(agency) ? "substance-misuse" : "victim-support");
            default -> {
                if ("domestic-abuse".equals(category)) {
                    pathways.add("domestic-abuse");
                }
                if ("anti-social-behaviour".equals(category)) {
                    pathways.add("asb-case");
                }
                pathways.add("victim-support");
                if (random.nextDouble() < KentShape.RJ_SHARE) {
                    pathways.add("restorative-justice");
                }
            }
        }
        return List.copyOf(pathways);
    }

    /** Police use the 27-question DASH, specialist services SafeLives' 24; the yes count sets the band. */
    private List<Boolean> dashAnswers(String band, String agency) {
        int questions = "kent-police".equals(agency) ? 27 : 24;
        int yes = switch (band) {
            case "high" -> 14 + random.nextInt(questions - 14 + 1);
            case "medium" -> 10 + random.nextInt(4);
            default -> random.nextInt(10);
        };
        List<Boolean> answers = new ArrayList<>(questions);
        for (int i = 0; i < questions; i++) {
            answers.add(i < yes);
        }
        Collections.shuffle(answers, random);
        return answers;
    }

    private Subject newSubject(String district, String role, String agency) {
        long n = subjectCount++;
        boolean young = "kcc-youth-offending-service".equals(agency) || "kcc-integrated-youth-services".equals(agency);
        int age = young ? 10 + random.nextInt(8) : "offender".equals(role) ? 18 + random.nextInt(45) : 16 + random.nextInt(70);
        LocalDate born = today.minusYears(age).minusDays(1 + random.nextInt(360));
        String area = KentShape.POSTCODE_AREAS.get(district);
        String postcode = area + " " + (1 + random.nextInt(9)) + (char) ('A' + random.nextInt(26)) + (char) ('A' + random.nextInt(26));
        return new Subject("Sim Person " + referencePrefix + " " + n, born, postcode, district);
    }

    private void remember(Subject subject) {
        if (subjects.size() < SUBJECT_MEMORY) {
            subjects.add(subject);
        } else {
            subjects.set(random.nextInt(SUBJECT_MEMORY), subject);
        }
    }
}
