package org.saferkent.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class PartnerTeamsTest {

    /** The module's directory when Maven runs the tests; the repository is two levels up. */
    private static final Path REPO = Path.of("").toAbsolutePath().getParent().getParent();
    private static final Pattern OWNER = Pattern.compile(
            "- \\{ agency: ([a-z-]+), name: [^,]+(?:,[^,]*?)*?, pathways: \\[([a-z-]+)\\](?:, districts: \\[([a-z-]+)\\])? \\}");

    @Test
    void theTeamsAreTheOwnersReferralsIsConfiguredWithAndEachHoldsTheInboxScope() throws IOException {
        String referrals = Files.readString(REPO.resolve("services/referrals/src/main/resources/referrals.yml"));
        String identity = Files.readString(REPO.resolve("identity/src/main/resources/identity.yml"));
        Map<String, String> configured = new HashMap<>(); // pathway/district (or pathway/*) -> agency
        Matcher owner = OWNER.matcher(referrals);
        while (owner.find()) {
            configured.put(owner.group(2) + "/" + (owner.group(3) == null ? "*" : owner.group(3)), owner.group(1));
        }
        assertThat(configured).hasSize(3 + 12);

        Set<String> teams = new HashSet<>();
        for (String pathway : PartnerTeams.PATHWAYS) {
            for (String district : KentShape.DISTRICTS.values()) {
                String agency = PartnerTeams.owner(pathway, district);
                assertThat(agency).as(pathway + " in " + district)
                        .isEqualTo(configured.getOrDefault(pathway + "/" + district, configured.get(pathway + "/*")));
                teams.add(agency);
            }
        }
        assertThat(teams).hasSize(3 + 12);
        teams.forEach(team -> assertThat(identity).as(team).contains("agency-" + team + ": { scopes: [referrals.inbox] }"));
        assertThat(PartnerTeams.owner("victim-support", "maidstone")).isNull();
        assertThat(PartnerTeams.partnerPathways(List.of("victim-support", "asb-case", "restorative-justice", "youth-prevention")))
                .containsExactly("asb-case", "youth-prevention");
    }

    @Test
    void answersComeFromTheSeedAndFromReferralsVocabulariesMostlyAcceptedAndClosedSomeDeclined() throws IOException {
        Set<String> reasons = codes("DeclineReason.java");
        Set<String> outcomes = codes("CloseOutcome.java");
        assertThat(PartnerTeams.DECLINE_REASONS.values()).isNotEmpty().allMatch(reasons::contains);
        assertThat(PartnerTeams.OUTCOMES.values()).isNotEmpty().allMatch(outcomes::contains);

        PartnerTeams teams = new PartnerTeams(null, 7);
        PartnerTeams again = new PartnerTeams(null, 7);
        PartnerTeams other = new PartnerTeams(null, 8);
        int draws = 20_000;
        int declined = 0;
        int closed = 0;
        int differ = 0;
        for (int sequence = 0; sequence < draws; sequence++) {
            String pathway = List.copyOf(new java.util.TreeSet<>(PartnerTeams.PATHWAYS)).get(sequence % 4);
            PartnerTeams.Decision decision = teams.decide(sequence, pathway);
            assertThat(again.decide(sequence, pathway)).isEqualTo(decision);
            differ += other.decide(sequence, pathway).equals(decision) ? 0 : 1;
            if (decision.accept()) {
                assertThat(decision.reason()).isNull();
                if (decision.outcome() != null) {
                    closed++;
                    assertThat(outcomes).contains(decision.outcome());
                }
            } else {
                declined++;
                assertThat(reasons).contains(decision.reason());
                assertThat(decision.outcome()).isNull();
            }
        }
        assertThat(declined / (double) draws).isCloseTo(0.15, within(0.02));
        assertThat(closed / (double) (draws - declined)).isCloseTo(0.8, within(0.02));
        assertThat(differ).as("another seed answers otherwise").isGreaterThan(draws / 4);
    }

    /** The codes of one of referrals' inbox vocabularies, as its enum spells them: {@code NAME("code")}. */
    private static Set<String> codes(String file) throws IOException {
        String source = Files.readString(REPO.resolve("services/referrals/src/main/java/org/saferkent/referrals/inbox/domain/" + file));
        Set<String> codes = new HashSet<>();
        Matcher code = Pattern.compile("^\\s+[A-Z_]+\\(\"([a-z-]+)\"\\)", Pattern.MULTILINE).matcher(source);
        while (code.find()) {
            codes.add(code.group(1));
        }
        assertThat(codes).as(file).hasSizeGreaterThan(5);
        return codes;
    }
}
