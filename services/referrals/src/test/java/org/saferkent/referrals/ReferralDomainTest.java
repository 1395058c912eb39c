package org.saferkent.referrals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.saferkent.platform.events.EventJson;
import org.saferkent.platform.events.WireNames;
import org.saferkent.referrals.referral.domain.Consent;
import org.saferkent.referrals.referral.domain.District;
import org.saferkent.referrals.referral.domain.NewReferral;
import org.saferkent.referrals.referral.domain.Pathway;
import org.saferkent.referrals.referral.domain.PathwayState;
import org.saferkent.referrals.referral.domain.PersonalDetails;
import org.saferkent.referrals.referral.domain.Referral;
import org.saferkent.referrals.referral.domain.ReferralAccepted;
import org.saferkent.referrals.referral.domain.ReferralClock;
import org.saferkent.referrals.referral.domain.ReferralClosed;
import org.saferkent.referrals.referral.domain.ReferralDeclined;
import org.saferkent.referrals.referral.domain.ReferralLinked;
import org.saferkent.referrals.referral.domain.ReferralReceived;
import org.saferkent.referrals.referral.domain.ReferralRouted;
import org.saferkent.referrals.referral.domain.ReferralSlaBreached;
import org.saferkent.referrals.referral.domain.ReferralStatus;
import org.saferkent.referrals.referral.domain.ReferralTriaged;
import org.saferkent.referrals.referral.domain.SubjectProfile;
import org.saferkent.referrals.referral.domain.Triage;
import org.saferkent.referrals.triage.domain.SubjectRole;

/** The referral aggregate on its own: what each change does to its state and which facts it produces. */
class ReferralDomainTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:15:30.123Z");
    private static final Instant LATER = NOW.plus(Duration.ofHours(3));
    private static final Instant VICTIM_DETAILS_DUE = Instant.parse("2026-03-05T00:00:00Z");
    private static final Instant TRIAGE_DUE = Instant.parse("2026-03-10T00:00:00Z");
    /** When Kent Police had the victim's details: the day before the referral reached the partnership. */
    private static final Instant RECEIVED_BY_AGENCY = Instant.parse("2026-03-01T18:40:00Z");

    private static final String NAME = "Philippa Quartermaine";
    private static final LocalDate DATE_OF_BIRTH = LocalDate.of(1987, 7, 19);
    private static final String POSTCODE = "ME14 1XX";
    private static final String PHONE = "07700 900123";
    private static final String EMAIL = "pquartermaine@example.org";
    private static final String ADDRESS = "17 Wrenfield Crescent, Maidstone";
    private static final String NARRATIVE = "Neighbour reported shouting at the Wrenfield Crescent flat";
    private static final String PSEUDONYM = "9f2c0a7e".repeat(8);

    private static final EventJson EVENT_JSON = new EventJson();

    // ---------------------------------------------------------------- districts and pathways

    @Test
    void kentHasTwelveDistrictsInElevenCommunitySafetyPartnerships() {
        Set<String> csps = Arrays.stream(District.values()).map(District::csp).collect(Collectors.toSet());

        assertThat(District.values()).hasSize(12);
        assertThat(csps).hasSize(11);
    }

    @Test
    void dartfordAndGraveshamShareOneCommunitySafetyPartnership() {
        assertThat(District.DARTFORD.csp()).isEqualTo(District.GRAVESHAM.csp()).isEqualTo("Dartford and Gravesham CSP");
        assertThat(District.MAIDSTONE.csp()).isEqualTo("Maidstone CSP");
    }

    @ParameterizedTest
    @EnumSource(District.class)
    void everyDistrictIsFoundByItsCode(District district) {
        assertThat(District.fromCode(district.code())).contains(district);
    }

    @Test
    void shepwayIsTheOldNameOfFolkestoneAndHythe() {
        assertThat(District.fromCode("shepway")).contains(District.FOLKESTONE_AND_HYTHE);
        assertThat(District.fromCode("Shepway")).contains(District.FOLKESTONE_AND_HYTHE);
        assertThat(District.FOLKESTONE_AND_HYTHE.code()).isEqualTo("folkestone-and-hythe");
    }

    @Test
    void districtCodesAreMatchedWhateverTheirCaseAndSurroundingSpace() {
        assertThat(District.fromCode(" Maidstone ")).contains(District.MAIDSTONE);
        assertThat(District.fromCode("TUNBRIDGE-WELLS")).contains(District.TUNBRIDGE_WELLS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "medway", "tunbridge wells", "MAIDSTONE CSP", "kent"})
    void placesOutsideKentsTwelveDistrictsAreNotDistricts(String code) {
        assertThat(District.fromCode(code)).isEmpty();
    }

    @Test
    void noCodeIsNoDistrict() {
        assertThat(District.fromCode(null)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Pathway.class)
    void everyPathwayIsFoundByItsCode(Pathway pathway) {
        assertThat(Pathway.fromCode(pathway.code())).contains(pathway);
    }

    @Test
    void pathwayCodesAreKebabCase() {
        assertThat(Pathway.fromCode("victim-support")).contains(Pathway.VICTIM_SUPPORT);
        assertThat(Pathway.fromCode("restorative-justice")).contains(Pathway.RESTORATIVE_JUSTICE);
        assertThat(Pathway.fromCode("asb-case")).contains(Pathway.ASB_CASE);
    }

    @Test
    void unknownPathwaysAreNotPathways() {
        assertThat(Pathway.fromCode("VICTIM_SUPPORT")).isEmpty();
        assertThat(Pathway.fromCode("counselling")).isEmpty();
        assertThat(Pathway.fromCode(null)).isEmpty();
    }

    // ---------------------------------------------------------------- receiving

    @Test
    void aRoutedReferralProducesReceivedThenTriagedThenOneRoutedEventPerPathway() {
        NewReferral request = request();

        Referral.Change change = Referral.receive("r-1", request, subject(), standardTriage(),
                routedTo("victim-support", "restorative-justice"), clocks(), NOW);

        assertThat(change.events()).containsExactly(
                new ReferralReceived("r-1", "kent-police", "gravesham", "Dartford and Gravesham CSP", "violent-crime",
                        List.of("hate-crime"), null, "victim", PSEUDONYM, "25-34", "consent", NOW),
                new ReferralTriaged("r-1", "gravesham", "standard", null, false, false, List.of(), NOW),
                new ReferralRouted("r-1", "gravesham", "violent-crime", List.of("hate-crime"), "victim-support", "standard",
                        false, "victim", PSEUDONYM, "25-34", List.of("intimidated"), NOW, RECEIVED_BY_AGENCY),
                new ReferralRouted("r-1", "gravesham", "violent-crime", List.of("hate-crime"), "restorative-justice",
                        "standard", false, "victim", PSEUDONYM, "25-34", List.of("intimidated"), NOW, RECEIVED_BY_AGENCY));
    }

    @Test
    void theRoutedEventCarriesBothWhenItWasRoutedAndWhenTheAgencyHadTheVictimsDetails() {
        List<Object> events = Referral.receive("r-1", request(), subject(), standardTriage(), routedTo("victim-support"),
                clocks(), NOW).events();

        assertThat(events).filteredOn(ReferralRouted.class::isInstance).singleElement()
                .isInstanceOfSatisfying(ReferralRouted.class, routed -> {
                    assertThat(routed.routedAt()).isEqualTo(NOW);
                    assertThat(routed.receivedByAgencyAt()).isEqualTo(RECEIVED_BY_AGENCY);
                });
    }

    @Test
    void aRoutedReferralIsRoutedToEachPathwayWithItsClocksRunning() {
        Referral referral = Referral.receive("r-1", request(), subject(), standardTriage(),
                routedTo("victim-support", "restorative-justice"), clocks(), NOW).referral();

        assertThat(referral.status()).isEqualTo(ReferralStatus.ROUTED);
        assertThat(referral.linkedTo()).isNull();
        assertThat(referral.pathways()).containsExactly(
                new PathwayState("victim-support", PathwayState.ROUTED, null, null),
                new PathwayState("restorative-justice", PathwayState.ROUTED, null, null));
        assertThat(referral.clocks()).isEqualTo(clocks());
        assertThat(referral.nextDueAt()).isEqualTo(VICTIM_DETAILS_DUE);
        assertThat(referral.requestedPathways()).containsExactly("victim-support");
        assertThat(referral.agencyReference()).isEqualTo("KP-1");
        assertThat(referral.receivedAt()).isEqualTo(NOW);
        assertThat(referral.timeline()).extracting(entry -> entry.what())
                .containsExactly("received", "triaged", "routed", "routed");
    }

    @Test
    void aConsentOverrideIsAnnouncedByItsBasisOnly() {
        NewReferral request = request(new Consent(false, null, null, "safeguarding", "Children at the address at risk"));

        List<Object> events = Referral.receive("r-1", request, subject(), standardTriage(), routedTo("victim-support"),
                clocks(), NOW).events();

        assertThat(events.get(0)).isInstanceOfSatisfying(ReferralReceived.class,
                received -> assertThat(received.consentBasis()).isEqualTo("override:safeguarding"));
        assertThat(events).allSatisfy(event -> assertThat(EVENT_JSON.writeString(event)).doesNotContain("Children at the address"));
    }

    @Test
    void aMaracReferralIsAnnouncedAsSuchWhenTriagedAndWhenRouted() {
        Triage high = new Triage("high", 16, false, true, List.of("high_risk", "repeat"));

        List<Object> events = Referral.receive("r-9", request(), subject(), high, routedTo("domestic-abuse"), clocks(), NOW)
                .events();

        assertThat(events.get(1)).isEqualTo(
                new ReferralTriaged("r-9", "gravesham", "high", 16, false, true, List.of("high_risk", "repeat"), NOW));
        assertThat(events.get(2)).isInstanceOfSatisfying(ReferralRouted.class, routed -> {
            assertThat(routed.pathway()).isEqualTo("domestic-abuse");
            assertThat(routed.marac()).isTrue();
            assertThat(routed.riskLevel()).isEqualTo("high");
        });
    }

    @Test
    void aLinkedReferralProducesReceivedThenTriagedThenLinkedAndIsNotRouted() {
        Referral.Change change = Referral.receive("r-2", request(), subject(), standardTriage(),
                new Referral.Placement("r-1", "same-crime-reference", List.of()), clocks(), NOW);

        assertThat(change.events()).containsExactly(
                new ReferralReceived("r-2", "kent-police", "gravesham", "Dartford and Gravesham CSP", "violent-crime",
                        List.of("hate-crime"), null, "victim", PSEUDONYM, "25-34", "consent", NOW),
                new ReferralTriaged("r-2", "gravesham", "standard", null, false, false, List.of(), NOW),
                new ReferralLinked("r-2", "r-1", "kent-police", "gravesham", "violent-crime", PSEUDONYM,
                        "same-crime-reference", NOW));
    }

    @Test
    void aLinkedReferralIsJoinedToTheFirstWithNoPathwaysAndNoClocks() {
        Referral referral = Referral.receive("r-2", request(), subject(), standardTriage(),
                new Referral.Placement("r-1", "same-crime-reference", List.of()), clocks(), NOW).referral();

        assertThat(referral.status()).isEqualTo(ReferralStatus.LINKED);
        assertThat(referral.linkedTo()).isEqualTo("r-1");
        assertThat(referral.linkReason()).isEqualTo("same-crime-reference");
        assertThat(referral.pathways()).isEmpty();
        assertThat(referral.clocks()).isEmpty();
        assertThat(referral.nextDueAt()).isNull();
        assertThat(referral.timeline()).extracting(entry -> entry.what()).containsExactly("received", "triaged", "linked");
    }

    @Test
    void noEventOfAReceivedReferralCarriesTheSubjectsPersonalDetailsOrTheAgencyReference() {
        Referral.Change routed = Referral.receive("r-1", request(), subject(), standardTriage(),
                routedTo("victim-support", "domestic-abuse"), clocks(), NOW);
        Referral.Change linked = Referral.receive("r-2", request(), subject(), standardTriage(),
                new Referral.Placement("r-1", "same-category-within-window", List.of()), clocks(), NOW);

        List<String> payloads = Stream.concat(routed.events().stream(), linked.events().stream())
                .map(EVENT_JSON::writeString).toList();

        assertThat(payloads).hasSize(7).allSatisfy(json -> assertThat(json)
                .doesNotContainIgnoringCase("Philippa")
                .doesNotContainIgnoringCase("Quartermaine")
                .doesNotContainIgnoringCase("ME14")
                .doesNotContainIgnoringCase("1XX")
                .doesNotContain("1987")
                .doesNotContain("07700")
                .doesNotContain("example.org")
                .doesNotContain("Wrenfield")
                .doesNotContain("KP-1"));
    }

    @Test
    void theReferralItselfHoldsNoPersonalDetails() {
        Referral referral = Referral.receive("r-1", request(), subject(), standardTriage(), routedTo("victim-support"),
                clocks(), NOW).referral();

        assertThat(EVENT_JSON.writeString(referral))
                .doesNotContain("Quartermaine").doesNotContain("ME14").doesNotContain("1987").doesNotContain("Wrenfield");
    }

    // ---------------------------------------------------------------- cases opened, declined, closed

    @Test
    void aCaseOpenedForAPathwayAcceptsTheReferral() {
        Referral referral = routed("victim-support", "restorative-justice");

        Referral.Change change = referral.caseOpened("victim-support", "vc-1", LATER);

        assertThat(change.referral().status()).isEqualTo(ReferralStatus.ACCEPTED);
        assertThat(change.events()).containsExactly(new ReferralAccepted("r-1", "victim-support", "vc-1", "gravesham", LATER));
        assertThat(change.referral().pathways()).containsExactly(
                new PathwayState("restorative-justice", PathwayState.ROUTED, null, null),
                new PathwayState("victim-support", PathwayState.ACCEPTED, "vc-1", null));
        assertThat(change.referral().timeline()).last().satisfies(entry -> {
            assertThat(entry.what()).isEqualTo("accepted");
            assertThat(entry.at()).isEqualTo(LATER);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"victim-support", "domestic-abuse"})
    void aCaseOpenedByVictimServicesMeetsTheVictimDetailsClockAndTheTriageClock(String pathway) {
        Referral referral = routed(pathway);

        Referral after = referral.caseOpened(pathway, "vc-1", LATER).referral();

        assertThat(clock(after, ReferralClock.VICTIM_DETAILS).metAt()).isEqualTo(LATER);
        assertThat(clock(after, ReferralClock.TRIAGE).metAt()).isEqualTo(LATER);
        assertThat(after.clocks()).noneMatch(ReferralClock::running);
        assertThat(after.nextDueAt()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"restorative-justice", "youth-prevention", "asb-case"})
    void aCaseOpenedByAnyOtherServiceMeetsOnlyTheTriageClock(String pathway) {
        Referral referral = routed("victim-support", pathway);

        Referral after = referral.caseOpened(pathway, "case-1", LATER).referral();

        assertThat(clock(after, ReferralClock.TRIAGE).metAt()).isEqualTo(LATER);
        assertThat(clock(after, ReferralClock.VICTIM_DETAILS).running()).isTrue();
        assertThat(after.nextDueAt()).isEqualTo(VICTIM_DETAILS_DUE);
    }

    @Test
    void theSameCaseOpenedTwiceChangesNothingTheSecondTime() {
        Referral accepted = routed("victim-support").caseOpened("victim-support", "vc-1", LATER).referral();

        Referral.Change again = accepted.caseOpened("victim-support", "vc-1", LATER.plusSeconds(60));

        assertThat(again.changed()).isFalse();
        assertThat(again.events()).isEmpty();
        assertThat(again.referral()).isEqualTo(accepted);
    }

    @Test
    void aReferralDeclinedOnOneOfItsPathwaysIsStillRouted() {
        Referral referral = routed("victim-support", "restorative-justice");

        Referral.Change change = referral.caseDeclined("restorative-justice", null, "offender not suitable", LATER);

        assertThat(change.referral().status()).isEqualTo(ReferralStatus.ROUTED);
        assertThat(change.events()).containsExactly(
                new ReferralDeclined("r-1", "restorative-justice", null, "offender not suitable", "gravesham", LATER));
        assertThat(clock(change.referral(), ReferralClock.TRIAGE).metAt()).isEqualTo(LATER);
    }

    @Test
    void aReferralDeclinedOnEveryPathwayIsDeclined() {
        Referral referral = routed("victim-support", "restorative-justice")
                .caseDeclined("restorative-justice", null, "offender not suitable", LATER).referral();

        Referral.Change change = referral.caseDeclined("victim-support", "vc-7", "victim declined support", LATER);

        assertThat(change.referral().status()).isEqualTo(ReferralStatus.DECLINED);
        assertThat(change.events()).containsExactly(
                new ReferralDeclined("r-1", "victim-support", "vc-7", "victim declined support", "gravesham", LATER));
        assertThat(change.referral().pathways()).extracting(PathwayState::status)
                .containsOnly(PathwayState.DECLINED);
    }

    @Test
    void aClosedCaseClosesTheReferralWithItsOutcome() {
        Referral accepted = routed("victim-support").caseOpened("victim-support", "vc-1", LATER).referral();

        Referral.Change change = accepted.caseClosed("victim-support", "vc-1", "support completed", LATER.plusSeconds(60));

        assertThat(change.referral().status()).isEqualTo(ReferralStatus.CLOSED);
        assertThat(change.events()).containsExactly(
                new ReferralClosed("r-1", "victim-support", "vc-1", "support completed", "gravesham", LATER.plusSeconds(60)));
        assertThat(change.referral().pathways()).containsExactly(
                new PathwayState("victim-support", PathwayState.CLOSED, "vc-1", "support completed"));
    }

    @Test
    void aClosedCaseLeavesTheReferralAcceptedWhileAnotherPathwayIsStillOpen() {
        Referral accepted = routed("victim-support", "restorative-justice")
                .caseOpened("victim-support", "vc-1", LATER).referral()
                .caseOpened("restorative-justice", "rj-1", LATER).referral();

        Referral.Change change = accepted.caseClosed("victim-support", "vc-1", "support completed", LATER);

        assertThat(change.referral().status()).isEqualTo(ReferralStatus.ACCEPTED);
        assertThat(change.events()).hasSize(1);
    }

    /** Issue 17: two partner teams answer one referral, the youth team closing its case before the ASB team declines. */
    @Test
    void aDeclineThatSettlesTheLastPathwayAfterAnotherClosedClosesTheReferral() {
        Referral closedOnOne = routed("youth-prevention", "asb-case")
                .caseOpened("youth-prevention", "youth-prevention-r-1", LATER).referral()
                .caseClosed("youth-prevention", "youth-prevention-r-1", "completed", LATER).referral();
        assertThat(closedOnOne.status()).isEqualTo(ReferralStatus.ACCEPTED);

        Referral.Change change = closedOnOne.caseDeclined("asb-case", null, "already-supported", LATER);

        assertThat(change.referral().status()).isEqualTo(ReferralStatus.CLOSED);
        assertThat(change.events()).containsExactly(
                new ReferralDeclined("r-1", "asb-case", null, "already-supported", "gravesham", LATER));
    }

    @Test
    void theSameCaseClosedTwiceChangesNothingTheSecondTime() {
        Referral closed = routed("victim-support").caseOpened("victim-support", "vc-1", LATER).referral()
                .caseClosed("victim-support", "vc-1", "support completed", LATER).referral();

        Referral.Change again = closed.caseClosed("victim-support", "vc-1", "support completed", LATER);

        assertThat(again.events()).isEmpty();
        assertThat(again.referral()).isEqualTo(closed);
    }

    // ---------------------------------------------------------------- when it settled (what retention reads)

    @Test
    void aReferralStillAwaitingOrWithACaseOpenHasNotSettled() {
        Referral referral = routed("victim-support", "restorative-justice");
        Referral accepted = referral.caseOpened("victim-support", "vc-1", LATER).referral();
        Referral partlyDeclined = referral.caseDeclined("restorative-justice", null, "offender not suitable", LATER).referral();

        assertThat(referral.settledAt()).isNull();
        assertThat(accepted.settledAt()).isNull();
        assertThat(partlyDeclined.settledAt()).isNull();
    }

    @Test
    void aReferralSettlesWhenItsLastCaseClosesOrItsLastPathwayDeclines() {
        Instant closing = LATER.plusSeconds(60);
        Referral closed = routed("victim-support").caseOpened("victim-support", "vc-1", LATER).referral()
                .caseClosed("victim-support", "vc-1", "support completed", closing).referral();
        Referral declined = routed("victim-support").caseDeclined("victim-support", "vc-7", "victim declined support", closing)
                .referral();

        assertThat(closed.settledAt()).isEqualTo(closing);
        assertThat(declined.settledAt()).isEqualTo(closing);
    }

    @Test
    void aLinkedReferralOrOneRoutedToNoPathwaySettlesWhenReceived() {
        Referral linked = Referral.receive("r-2", request(), subject(), standardTriage(),
                new Referral.Placement("r-1", "same-crime-reference", List.of()), clocks(), NOW).referral();
        Referral routedNowhere = routed();

        assertThat(linked.settledAt()).isEqualTo(NOW);
        assertThat(routedNowhere.status()).isEqualTo(ReferralStatus.ROUTED);
        assertThat(routedNowhere.settledAt()).isEqualTo(NOW);
    }

    @Test
    void aCaseOpenedAfterEveryPathwayDeclinedUnsettlesTheReferralUntilItCloses() {
        Referral declined = routed("victim-support").caseDeclined("victim-support", null, "no capacity", LATER).referral();

        Referral reopened = declined.caseOpened("victim-support", "vc-2", LATER.plusSeconds(60)).referral();
        Referral closedAgain = reopened.caseClosed("victim-support", "vc-2", "support completed", LATER.plusSeconds(120)).referral();

        assertThat(declined.settledAt()).isEqualTo(LATER);
        assertThat(reopened.status()).isEqualTo(ReferralStatus.ACCEPTED);
        assertThat(reopened.settledAt()).as("open again").isNull();
        assertThat(closedAgain.settledAt()).isEqualTo(LATER.plusSeconds(120));
    }

    @Test
    void aDeadlineMissedAfterTheReferralSettledRestartsItsPeriodAsItsTimelineDoes() {
        Referral routedNowhere = routed();

        Referral.Change breached = routedNowhere.breachOverdueClocks(TRIAGE_DUE.plusSeconds(1));

        assertThat(breached.changed()).isTrue();
        assertThat(breached.referral().settledAt()).isEqualTo(TRIAGE_DUE.plusSeconds(1));
    }

    @Test
    void noEventOfACaseAnsweringTheReferralCarriesPersonalDetails() {
        Referral referral = routed("victim-support", "restorative-justice");
        List<Object> events = List.of(
                referral.caseOpened("victim-support", "vc-1", LATER).events().get(0),
                referral.caseDeclined("restorative-justice", "rj-1", "not suitable", LATER).events().get(0),
                referral.caseClosed("victim-support", "vc-1", "support completed", LATER).events().get(0));

        assertThat(events).extracting(EVENT_JSON::writeString).allSatisfy(json -> assertThat(json)
                .doesNotContain("Quartermaine").doesNotContain("ME14").doesNotContain("1987"));
    }

    // ---------------------------------------------------------------- clocks

    @Test
    void aClockIsBreachedExactlyAtItsDueInstant() {
        Referral referral = routed("restorative-justice");

        Referral.Change change = referral.breachOverdueClocks(VICTIM_DETAILS_DUE);

        assertThat(change.events()).containsExactly(
                new ReferralSlaBreached("r-1", ReferralClock.VICTIM_DETAILS, "gravesham", VICTIM_DETAILS_DUE, VICTIM_DETAILS_DUE));
        assertThat(clock(change.referral(), ReferralClock.VICTIM_DETAILS).breachedAt()).isEqualTo(VICTIM_DETAILS_DUE);
        assertThat(clock(change.referral(), ReferralClock.TRIAGE).running()).isTrue();
        assertThat(change.referral().nextDueAt()).isEqualTo(TRIAGE_DUE);
        assertThat(change.referral().timeline()).last().satisfies(entry -> {
            assertThat(entry.what()).isEqualTo("deadline missed");
            assertThat(entry.detail()).isEqualTo(ReferralClock.VICTIM_DETAILS);
        });
    }

    @Test
    void aClockIsNotBreachedAMillisecondBeforeItIsDue() {
        Referral referral = routed("restorative-justice");

        Referral.Change change = referral.breachOverdueClocks(VICTIM_DETAILS_DUE.minusMillis(1));

        assertThat(change.changed()).isFalse();
        assertThat(change.referral()).isEqualTo(referral);
    }

    @Test
    void everyOverdueClockIsBreachedInOneScan() {
        Referral referral = routed("restorative-justice");

        Referral.Change change = referral.breachOverdueClocks(TRIAGE_DUE.plusSeconds(1));

        assertThat(change.events()).extracting(event -> ((ReferralSlaBreached) event).clock())
                .containsExactly(ReferralClock.VICTIM_DETAILS, ReferralClock.TRIAGE);
        assertThat(change.referral().nextDueAt()).isNull();
        assertThat(change.referral().status()).isEqualTo(ReferralStatus.ROUTED);
    }

    @Test
    void aBreachedClockIsNotBreachedAgain() {
        Referral breached = routed("restorative-justice").breachOverdueClocks(TRIAGE_DUE).referral();

        Referral.Change again = breached.breachOverdueClocks(TRIAGE_DUE.plus(Duration.ofDays(30)));

        assertThat(again.events()).isEmpty();
    }

    @Test
    void aMetClockNeverBreaches() {
        Referral accepted = routed("victim-support").caseOpened("victim-support", "vc-1", LATER).referral();

        Referral.Change change = accepted.breachOverdueClocks(TRIAGE_DUE.plus(Duration.ofDays(365)));

        assertThat(change.events()).isEmpty();
        assertThat(change.referral().clocks()).allSatisfy(clock -> assertThat(clock.breachedAt()).isNull());
    }

    @Test
    void theReferralEventsHaveWellFormedWireNames() {
        assertThat(WireNames.of(ReferralReceived.class)).isEqualTo("referrals.ReferralReceived.v1");
        assertThat(WireNames.of(ReferralTriaged.class)).isEqualTo("referrals.ReferralTriaged.v1");
        assertThat(WireNames.of(ReferralRouted.class)).isEqualTo("referrals.ReferralRouted.v1");
        assertThat(WireNames.of(ReferralLinked.class)).isEqualTo("referrals.ReferralLinked.v1");
        assertThat(WireNames.of(ReferralAccepted.class)).isEqualTo("referrals.ReferralAccepted.v1");
        assertThat(WireNames.of(ReferralDeclined.class)).isEqualTo("referrals.ReferralDeclined.v1");
        assertThat(WireNames.of(ReferralClosed.class)).isEqualTo("referrals.ReferralClosed.v1");
        assertThat(WireNames.of(ReferralSlaBreached.class)).isEqualTo("referrals.ReferralSlaBreached.v1");
    }

    // ---------------------------------------------------------------- helpers

    private static NewReferral request() {
        return request(new Consent(true, LocalDate.of(2026, 3, 1), "PC 4471", null, null));
    }

    private static NewReferral request(Consent consent) {
        return new NewReferral("kent-police", "KP-1", District.GRAVESHAM, "violent-crime", List.of("hate-crime"), null,
                SubjectRole.VICTIM, new PersonalDetails(NAME, DATE_OF_BIRTH, POSTCODE, PHONE, EMAIL, ADDRESS, NARRATIVE),
                List.of("intimidated"), "46/1234/26", LocalDate.of(2026, 3, 1), List.of(Pathway.VICTIM_SUPPORT), consent,
                null, false, RECEIVED_BY_AGENCY);
    }

    private static SubjectProfile subject() {
        return new SubjectProfile(SubjectRole.VICTIM, PSEUDONYM, "25-34", 38, List.of("intimidated"));
    }

    private static Triage standardTriage() {
        return new Triage("standard", null, false, false, List.of());
    }

    private static Referral.Placement routedTo(String... pathways) {
        return new Referral.Placement(null, null, List.of(pathways));
    }

    private static List<ReferralClock> clocks() {
        return List.of(new ReferralClock(ReferralClock.VICTIM_DETAILS, VICTIM_DETAILS_DUE, null, null),
                new ReferralClock(ReferralClock.TRIAGE, TRIAGE_DUE, null, null));
    }

    private static Referral routed(String... pathways) {
        return Referral.receive("r-1", request(), subject(), standardTriage(), routedTo(pathways), clocks(), NOW).referral();
    }

    private static ReferralClock clock(Referral referral, String name) {
        return referral.clocks().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }
}
