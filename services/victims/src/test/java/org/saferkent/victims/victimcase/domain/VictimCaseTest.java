package org.saferkent.victims.victimcase.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.saferkent.platform.workingdays.WorkingDayCalendar;

/** The victim case's decisions: given its past, when a case worker (or the clock) acts, then the new state and events. */
class VictimCaseTest {

    private static final EntitlementRules RULES = EntitlementRules.victimsCode2020();
    private static final VictimCodeTimeLimits LIMITS = VictimCodeTimeLimits.victimsCode2020(WorkingDayCalendar.englandAndWales());
    /** Monday 30 November 2026, 09:00 London. */
    private static final Instant OPENED = Instant.parse("2026-11-30T09:00:00Z");
    /** Enhanced: 1 working day, so due at the end of Tuesday 1 December. */
    private static final Instant ENHANCED_DUE = Instant.parse("2026-12-02T00:00:00Z");
    private static final Instant STANDARD_DUE = Instant.parse("2026-12-08T00:00:00Z");
    private static final String PSEUDONYM = "b".repeat(64);

    // ------------------------------------------------------------------ opening

    @Test
    void openingAnnouncesTheCaseWithItsEntitlementAndFirstTimeLimit() {
        Change opened = VictimCase.open("r-1", "maidstone", "violent-crime", "domestic-abuse",
                profile(List.of("domestic-abuse"), "25-34", List.of()), RULES, LIMITS, OPENED);

        VictimCase victimCase = opened.victimCase();
        assertThat(victimCase.id()).isEqualTo("vc-r-1");
        assertThat(victimCase.status()).isEqualTo(VictimCaseStatus.OPEN);
        assertThat(victimCase.enhanced()).isTrue();
        assertThat(victimCase.detailsPending()).isTrue();
        assertThat(victimCase.nextDueAt()).isEqualTo(ENHANCED_DUE);
        assertThat(opened.events()).singleElement().isEqualTo(new VictimCaseOpened("vc-r-1", "r-1", "maidstone",
                "violent-crime", "domestic-abuse", OPENED, true, List.of("most-serious-crime:domestic-abuse"), ENHANCED_DUE,
                ENHANCED_DUE));
    }

    /** Issue 17: a routing read late (the consumer lagged) still counts its time limits from the routing. */
    @Test
    void theTimeLimitsRunFromTheRoutingNotFromWhenTheCaseIsOpened() {
        Instant routed = Instant.parse("2026-11-27T16:30:00Z"); // Friday afternoon; the case opens on Monday

        Change opened = VictimCase.open("r-1", "maidstone", "burglary", "victim-support", profile(List.of(), "35-49", List.of()),
                RULES, LIMITS, routed, OPENED);

        // 5 working days from Friday 27 November: the end of Friday 4 December, not of Monday 7th
        Instant due = Instant.parse("2026-12-05T00:00:00Z");
        assertThat(opened.victimCase().duties()).extracting(VictimDuty::dueAt).containsOnly(due);
        assertThat(opened.victimCase().openedAt()).isEqualTo(OPENED);
        assertThat(opened.events()).singleElement().isInstanceOfSatisfying(VictimCaseOpened.class, event -> {
            assertThat(event.firstContactDueAt()).isEqualTo(due);
            assertThat(event.openedAt()).isEqualTo(OPENED);
        });
    }

    @Test
    void aRoutingTimeAfterTheOpeningCannotPutTheTimeLimitsOff() {
        Change opened = VictimCase.open("r-1", "maidstone", "burglary", "victim-support", profile(List.of(), "35-49", List.of()),
                RULES, LIMITS, OPENED.plus(Duration.ofDays(3)), OPENED);

        assertThat(opened.victimCase().duties()).extracting(VictimDuty::dueAt).containsOnly(STANDARD_DUE);
    }

    @Test
    void aStandardVictimsCaseRunsFiveWorkingDayLimits() {
        VictimCase victimCase = standardCase();

        assertThat(victimCase.enhanced()).isFalse();
        assertThat(victimCase.enhancedReasons()).isEmpty();
        assertThat(victimCase.duties()).extracting(VictimDuty::dueAt).containsOnly(STANDARD_DUE);
    }

    @Test
    void aSecondVictimsPathwayOfTheSameReferralJoinsTheCaseOnceAndAnnouncesNothing() {
        VictimCase victimCase = standardCase();

        Change change = victimCase.addPathway("domestic-abuse", OPENED);
        Change again = change.victimCase().addPathway("domestic-abuse", OPENED);

        assertThat(change.victimCase().pathways()).containsExactly("victim-support", "domestic-abuse");
        assertThat(change.events()).isEmpty();
        assertThat(again.changed()).isFalse();
    }

    @Test
    void aDuplicateReferralIsRecordedOnTheCaseOnce() {
        VictimCase victimCase = standardCase();

        Change linked = victimCase.joinReferral("r-2", OPENED);

        assertThat(linked.victimCase().linkedReferrals()).containsExactly("r-2");
        assertThat(linked.events()).isEmpty();
        assertThat(linked.victimCase().joinReferral("r-2", OPENED).changed()).isFalse();
        assertThat(victimCase.joinReferral("r-1", OPENED).changed()).isFalse();
    }

    @Test
    void detailsArrivingClearDetailsPendingOnce() {
        Change received = standardCase().detailsReceived(OPENED.plusSeconds(1));

        assertThat(received.victimCase().detailsPending()).isFalse();
        assertThat(received.events()).isEmpty();
        assertThat(received.victimCase().detailsReceived(OPENED.plusSeconds(2)).changed()).isFalse();
    }

    // ------------------------------------------------------------------ first contact

    @Test
    void aContactMadeInTimeMeetsTheFirstContactDuty() {
        VictimCase victimCase = enhancedCase();
        Instant madeAt = ENHANCED_DUE.minus(Duration.ofHours(2));

        Change change = victimCase.recordContact(madeAt, ContactChannel.PHONE, ContactOutcome.MADE, madeAt);

        assertThat(change.victimCase().duty(VictimDuty.FIRST_CONTACT)).get().extracting(VictimDuty::metAt).isEqualTo(madeAt);
        assertThat(change.events()).singleElement().isEqualTo(new VictimContacted("vc-r-1", "r-1", "maidstone", "phone",
                "made", madeAt, true, true, madeAt));
        assertThat(change.victimCase().breachOverdueDuties(ENHANCED_DUE.plusSeconds(1)).events())
                .extracting(e -> ((VictimCodeDeadlineMissed) e).duty())
                .containsExactly(VictimDuty.RESTORATIVE_JUSTICE_INFORMATION);
    }

    @Test
    void anAttemptThatDidNotReachTheVictimDoesNotMeetFirstContact() {
        VictimCase victimCase = enhancedCase();

        Change change = victimCase.recordContact(OPENED.plusSeconds(60), ContactChannel.PHONE, ContactOutcome.NO_ANSWER,
                OPENED.plusSeconds(60));

        assertThat(change.victimCase().duty(VictimDuty.FIRST_CONTACT)).get().extracting(VictimDuty::isOpen).isEqualTo(true);
        assertThat(change.events()).singleElement().asInstanceOf(InstanceOfAssertFactories.type(VictimContacted.class))
                .satisfies(contacted -> {
                    assertThat(contacted.firstContact()).isFalse();
                    assertThat(contacted.withinTimeLimit()).isNull();
                });
    }

    @Test
    void aContactMadeAfterTheDeadlineRecordsTheMissAndTheLateContact() {
        VictimCase victimCase = enhancedCase();
        Instant late = ENHANCED_DUE.plus(Duration.ofHours(10));

        Change change = victimCase.recordContact(late, ContactChannel.VISIT, ContactOutcome.MADE, late);

        assertThat(change.events()).hasSize(3);
        assertThat(change.events().subList(0, 2)).allSatisfy(e -> assertThat(e).isInstanceOf(VictimCodeDeadlineMissed.class));
        assertThat(((VictimContacted) change.events().get(2)).withinTimeLimit()).isFalse();
        assertThat(change.victimCase().duty(VictimDuty.FIRST_CONTACT)).get().extracting(VictimDuty::breachedAt).isEqualTo(late);
    }

    /** Issue 17: the contact's own time decides; a breach the scan recorded before the contact was recorded is withdrawn. */
    @Test
    void aContactMadeInTimeButRecordedAfterTheScanCountsAsMetAndWithdrawsTheBreach() {
        VictimCase scanned = enhancedCase().breachOverdueDuties(ENHANCED_DUE.plus(Duration.ofMinutes(1))).victimCase();
        assertThat(scanned.duty(VictimDuty.FIRST_CONTACT)).get().extracting(VictimDuty::breachedAt).isNotNull();
        Instant madeAt = ENHANCED_DUE.minus(Duration.ofHours(2));
        Instant recordedAt = ENHANCED_DUE.plus(Duration.ofHours(3));

        Change change = scanned.recordContact(madeAt, ContactChannel.PHONE, ContactOutcome.MADE, recordedAt);

        assertThat(change.victimCase().duty(VictimDuty.FIRST_CONTACT)).get()
                .isEqualTo(new VictimDuty(VictimDuty.FIRST_CONTACT, ENHANCED_DUE, madeAt, null));
        // the other time limit's breach stands: nothing was done for it
        assertThat(change.victimCase().duty(VictimDuty.RESTORATIVE_JUSTICE_INFORMATION)).get()
                .extracting(VictimDuty::breachedAt).isNotNull();
        assertThat(change.events()).containsExactly(
                new VictimCodeDeadlineBreachWithdrawn("vc-r-1", "r-1", "maidstone", VictimDuty.FIRST_CONTACT, true, ENHANCED_DUE,
                        madeAt, ENHANCED_DUE.plus(Duration.ofMinutes(1)), recordedAt),
                new VictimContacted("vc-r-1", "r-1", "maidstone", "phone", "made", madeAt, true, true, recordedAt));
        assertThat(change.victimCase().timeline()).extracting(TimelineEntry::what).contains("deadline breach withdrawn");
    }

    @Test
    void aContactMadeAfterTheDeadlineAndRecordedAfterTheScanLeavesTheBreachStanding() {
        Instant scannedAt = ENHANCED_DUE.plus(Duration.ofMinutes(1));
        VictimCase scanned = enhancedCase().breachOverdueDuties(scannedAt).victimCase();
        Instant madeAt = ENHANCED_DUE.plus(Duration.ofMinutes(30));

        Change change = scanned.recordContact(madeAt, ContactChannel.PHONE, ContactOutcome.MADE, madeAt.plusSeconds(60));

        assertThat(change.victimCase().duty(VictimDuty.FIRST_CONTACT)).get()
                .isEqualTo(new VictimDuty(VictimDuty.FIRST_CONTACT, ENHANCED_DUE, null, scannedAt));
        assertThat(change.events()).singleElement().isInstanceOfSatisfying(VictimContacted.class,
                contacted -> assertThat(contacted.withinTimeLimit()).isFalse());
    }

    @Test
    void aContactCannotBeInTheFutureOrBeforeTheCaseOpened() {
        VictimCase victimCase = enhancedCase();

        assertThatThrownBy(() -> victimCase.recordContact(OPENED.plusSeconds(61), ContactChannel.EMAIL, ContactOutcome.MADE,
                OPENED.plusSeconds(60))).isInstanceOf(RuleViolation.class)
                .extracting(e -> ((RuleViolation) e).problems()).asInstanceOf(InstanceOfAssertFactories.LIST)
                .containsExactly(new RuleViolation.Problem("attemptedAt", "is in the future"));
        assertThatThrownBy(() -> victimCase.recordContact(OPENED.minusSeconds(1), ContactChannel.EMAIL, ContactOutcome.MADE,
                OPENED.plusSeconds(60))).isInstanceOf(RuleViolation.class);
    }

    // ------------------------------------------------------------------ missed deadlines

    @Test
    void aDutyStillOpenAtTheVeryInstantItIsDueIsMissed() {
        VictimCase victimCase = enhancedCase();

        Change change = victimCase.breachOverdueDuties(ENHANCED_DUE);

        assertThat(change.events()).containsExactly(
                new VictimCodeDeadlineMissed("vc-r-1", "r-1", "maidstone", VictimDuty.FIRST_CONTACT, true, ENHANCED_DUE, ENHANCED_DUE),
                new VictimCodeDeadlineMissed("vc-r-1", "r-1", "maidstone", VictimDuty.RESTORATIVE_JUSTICE_INFORMATION, true,
                        ENHANCED_DUE, ENHANCED_DUE));
        assertThat(change.victimCase().nextDueAt()).isNull();
    }

    @Test
    void aMillisecondBeforeTheDeadlineNothingIsMissed() {
        VictimCase victimCase = enhancedCase();

        Change change = victimCase.breachOverdueDuties(ENHANCED_DUE.minusMillis(1));

        assertThat(change.changed()).isFalse();
        assertThat(change.events()).isEmpty();
    }

    @Test
    void aMissedDeadlineIsRecordedOnlyOnce() {
        VictimCase missed = enhancedCase().breachOverdueDuties(ENHANCED_DUE).victimCase();

        assertThat(missed.breachOverdueDuties(ENHANCED_DUE.plus(Duration.ofDays(3))).changed()).isFalse();
    }

    @Test
    void offeringRestorativeJusticeInformationInTimeMeetsThatDutyOnly() {
        Instant offered = OPENED.plus(Duration.ofHours(3));

        Change change = enhancedCase().offerRestorativeJusticeInformation(offered);

        assertThat(change.events()).containsExactly(
                new VictimRestorativeJusticeInformationOffered("vc-r-1", "r-1", "maidstone", true, offered));
        assertThat(change.victimCase().nextDueAt()).isEqualTo(ENHANCED_DUE);
        assertThat(change.victimCase().breachOverdueDuties(ENHANCED_DUE).events()).extracting(e -> ((VictimCodeDeadlineMissed) e).duty())
                .containsExactly(VictimDuty.FIRST_CONTACT);
        assertThat(change.victimCase().offerRestorativeJusticeInformation(offered.plusSeconds(5)).changed()).isFalse();
    }

    // ------------------------------------------------------------------ needs, plan, outcomes

    @Test
    void aNeedsAssessmentRatesAllEightCategories() {
        Map<NeedCategory, NeedLevel> levels = allNone();
        levels.remove(NeedCategory.DRUGS_ALCOHOL);
        levels.remove(NeedCategory.SOCIAL_INTERACTION);

        assertThatThrownBy(() -> standardCase().assessNeeds(levels, OPENED.plusSeconds(60)))
                .isInstanceOf(RuleViolation.class)
                .extracting(e -> ((RuleViolation) e).problems()).asInstanceOf(InstanceOfAssertFactories.list(RuleViolation.Problem.class))
                .extracting(RuleViolation.Problem::field)
                .containsExactly("needs.drugs-alcohol", "needs.social-interaction");
    }

    @Test
    void aLaterAssessmentIsAReassessmentAndTheFirstIsKept() {
        Map<NeedCategory, NeedLevel> levels = allNone();
        levels.put(NeedCategory.SHELTER_ACCOMMODATION, NeedLevel.HIGH);
        VictimCase assessed = standardCase().assessNeeds(allNone(), OPENED.plusSeconds(60)).victimCase();

        Change reassessed = assessed.assessNeeds(levels, OPENED.plusSeconds(120));

        assertThat(reassessed.victimCase().needsAssessments()).hasSize(2);
        VictimNeedsAssessed event = (VictimNeedsAssessed) reassessed.events().get(0);
        assertThat(event.reassessment()).isTrue();
        assertThat(event.needs()).containsEntry("shelter-accommodation", "high").containsEntry("drugs-alcohol", "none").hasSize(8);
    }

    @Test
    void outcomesAreRecordedForExactlyTheAssessedNeeds() {
        Map<NeedCategory, NeedLevel> levels = allNone();
        levels.put(NeedCategory.MENTAL_PHYSICAL_HEALTH, NeedLevel.MEDIUM);
        levels.put(NeedCategory.FINANCE_BENEFITS, NeedLevel.LOW);
        VictimCase assessed = standardCase().assessNeeds(levels, OPENED.plusSeconds(60)).victimCase();

        Map<NeedCategory, NeedOutcome> wrong = Map.of(NeedCategory.MENTAL_PHYSICAL_HEALTH, NeedOutcome.IMPROVED,
                NeedCategory.DRUGS_ALCOHOL, NeedOutcome.SUSTAINED);
        assertThatThrownBy(() -> assessed.recordOutcome(wrong, true, OPENED.plusSeconds(120)))
                .isInstanceOf(RuleViolation.class)
                .extracting(e -> ((RuleViolation) e).problems()).asInstanceOf(InstanceOfAssertFactories.list(RuleViolation.Problem.class))
                .extracting(RuleViolation.Problem::field)
                .containsExactly("needs.drugs-alcohol", "needs.finance-benefits");

        Change recorded = assessed.recordOutcome(Map.of(NeedCategory.MENTAL_PHYSICAL_HEALTH, NeedOutcome.IMPROVED,
                NeedCategory.FINANCE_BENEFITS, NeedOutcome.NOT_IMPROVED), true, OPENED.plusSeconds(120));
        assertThat(recorded.events()).singleElement().isEqualTo(new VictimOutcomeRecorded("vc-r-1", "r-1", "maidstone",
                "victim-support", Map.of("mental-physical-health", "improved", "finance-benefits", "not-improved"), true,
                OPENED.plusSeconds(120)));
    }

    @Test
    void noOutcomeBeforeANeedsAssessment() {
        assertThatThrownBy(() -> standardCase().recordOutcome(Map.of(), true, OPENED.plusSeconds(60)))
                .isInstanceOf(RuleViolation.class);
    }

    @Test
    void aSupportPlanIsAnnouncedWithoutItsTextAndARevisionReplacesIt() {
        LocalDate review = LocalDate.parse("2026-12-14");
        VictimCase planned = standardCase().agreeSupportPlan(List.of("weekly call", "housing advice"), review,
                OPENED.plusSeconds(60)).victimCase();

        Change revised = planned.agreeSupportPlan(List.of("fortnightly call"), review, OPENED.plusSeconds(120));

        assertThat(revised.victimCase().supportPlan().revision()).isEqualTo(2);
        assertThat(revised.victimCase().supportPlan().actions()).containsExactly("fortnightly call");
        assertThat(revised.events()).containsExactly(new VictimSupportPlanAgreed("vc-r-1", "r-1", "maidstone", 1, review, 2,
                OPENED.plusSeconds(120)));
        assertThatThrownBy(() -> planned.agreeSupportPlan(List.of("x"), LocalDate.parse("2026-11-29"), OPENED.plusSeconds(60)))
                .isInstanceOf(RuleViolation.class);
    }

    @Test
    void optingIntoRestorativeJusticeCarriesThePseudonymOnlyAndHappensOnce() {
        Instant at = OPENED.plusSeconds(300);

        Change optedIn = enhancedCase().optIntoRestorativeJustice(at);

        assertThat(optedIn.events()).containsExactly(new VictimOptedIntoRestorativeJustice("vc-r-1", "r-1", "maidstone",
                "violent-crime", PSEUDONYM, at));
        assertThat(optedIn.victimCase().duty(VictimDuty.RESTORATIVE_JUSTICE_INFORMATION)).get()
                .extracting(VictimDuty::metAt).isEqualTo(at);
        assertThat(optedIn.victimCase().optIntoRestorativeJustice(at.plusSeconds(1)).changed()).isFalse();
    }

    // ------------------------------------------------------------------ closure

    @Test
    void closingAfterOutcomesReportsCopeAndRecover() {
        VictimCase withOutcome = standardCase().assessNeeds(allNone(), OPENED.plusSeconds(60)).victimCase()
                .recordOutcome(Map.of(), true, OPENED.plusSeconds(120)).victimCase();

        Change closed = withOutcome.close(ClosureReason.COMPLETED, OPENED.plusSeconds(180));

        assertThat(closed.victimCase().status()).isEqualTo(VictimCaseStatus.CLOSED);
        assertThat(closed.victimCase().nextDueAt()).isNull();
        assertThat(closed.events()).containsExactly(new VictimCaseClosed("vc-r-1", "r-1", "maidstone", "victim-support",
                "completed", "cope-and-recover", OPENED.plusSeconds(180)));
    }

    @Test
    void aVictimMayDeclineSupportBeforeAnyIsGiven() {
        Change closed = standardCase().close(ClosureReason.DECLINED_SUPPORT, OPENED.plusSeconds(60));

        assertThat(closed.events()).containsExactly(new VictimCaseClosed("vc-r-1", "r-1", "maidstone", "victim-support",
                "declined-support", null, OPENED.plusSeconds(60)));
    }

    @Test
    void completedNeedsAnOutcomeAndUnableToContactCannotFollowAContactMade() {
        VictimCase contacted = standardCase().recordContact(OPENED.plusSeconds(60), ContactChannel.PHONE, ContactOutcome.MADE,
                OPENED.plusSeconds(60)).victimCase();

        assertThatThrownBy(() -> contacted.close(ClosureReason.COMPLETED, OPENED.plusSeconds(120)))
                .isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> contacted.close(ClosureReason.UNABLE_TO_CONTACT, OPENED.plusSeconds(120)))
                .isInstanceOf(RuleViolation.class);
    }

    @Test
    void aClosedCaseRefusesWorkAndItsClocksStop() {
        VictimCase closed = enhancedCase().close(ClosureReason.MOVED_AWAY, OPENED.plusSeconds(60)).victimCase();
        Instant later = OPENED.plusSeconds(120);

        List<Function<VictimCase, Change>> work = List.of(
                c -> c.recordContact(later, ContactChannel.PHONE, ContactOutcome.MADE, later),
                c -> c.assessNeeds(allNone(), later),
                c -> c.agreeSupportPlan(List.of("call"), LocalDate.parse("2026-12-31"), later),
                c -> c.offerRestorativeJusticeInformation(later),
                c -> c.referToProvider("Victim Support", "emotional support", later),
                c -> c.optIntoRestorativeJustice(later),
                c -> c.recordOutcome(Map.of(), true, later),
                c -> c.close(ClosureReason.OTHER, later));
        for (Function<VictimCase, Change> action : work) {
            assertThatThrownBy(() -> action.apply(closed)).isInstanceOf(CaseClosedException.class);
        }
        assertThat(closed.breachOverdueDuties(ENHANCED_DUE.plus(Duration.ofDays(10))).changed()).isFalse();
    }

    // ------------------------------------------------------------------ fixtures

    // ------------------------------------------------------------------ the caseworker's queue

    /** The queue's deadline: the earliest whose work is still to do, missed or not, until it is done (late if need be). */
    @Test
    void theOutstandingDeadlineStaysUntilItsWorkIsDoneEvenWhenMissed() {
        VictimCase opened = standardCase();
        assertThat(opened.outstandingDuty()).map(VictimDuty::name).hasValue(VictimDuty.FIRST_CONTACT);
        assertThat(opened.outstandingDueAt()).isEqualTo(STANDARD_DUE);
        assertThat(opened.overdue(STANDARD_DUE.minusSeconds(1))).isFalse();
        assertThat(opened.overdue(STANDARD_DUE)).as("due at that instant: already late").isTrue();

        Instant late = STANDARD_DUE.plus(Duration.ofHours(2));
        VictimCase missed = opened.breachOverdueDuties(late).victimCase();
        assertThat(missed.nextDueAt()).as("nothing left for the scan").isNull();
        assertThat(missed.outstandingDuty()).map(VictimDuty::name).hasValue(VictimDuty.FIRST_CONTACT);
        assertThat(missed.overdue(late)).isTrue();

        VictimCase unanswered = missed.recordContact(late, ContactChannel.PHONE, ContactOutcome.NO_ANSWER, late).victimCase();
        assertThat(unanswered.outstandingDuty()).map(VictimDuty::name).hasValue(VictimDuty.FIRST_CONTACT);

        VictimCase contacted = unanswered.recordContact(late, ContactChannel.PHONE, ContactOutcome.MADE, late).victimCase();
        assertThat(contacted.outstandingDuty()).map(VictimDuty::name).hasValue(VictimDuty.RESTORATIVE_JUSTICE_INFORMATION);
        assertThat(contacted.overdue(contacted.duty(VictimDuty.FIRST_CONTACT).orElseThrow(), late)).isFalse();
        assertThat(contacted.overdue(contacted.duty(VictimDuty.RESTORATIVE_JUSTICE_INFORMATION).orElseThrow(), late)).isTrue();

        VictimCase informed = contacted.offerRestorativeJusticeInformation(late).victimCase();
        assertThat(informed.outstandingDuty()).isEmpty();
        assertThat(informed.outstandingDueAt()).isNull();
        assertThat(informed.overdue(late)).isFalse();
    }

    @Test
    void aClosedCaseHasNoOutstandingDeadline() {
        VictimCase closed = standardCase().close(ClosureReason.DECLINED_SUPPORT, OPENED.plusSeconds(60)).victimCase();

        assertThat(closed.outstandingDuty()).isEmpty();
        assertThat(closed.outstandingDueAt()).isNull();
        assertThat(closed.overdue(STANDARD_DUE.plusSeconds(60))).isFalse();
    }

    private static VictimCase standardCase() {
        return VictimCase.open("r-1", "maidstone", "burglary", "victim-support", profile(List.of(), "35-49", List.of()),
                RULES, LIMITS, OPENED).victimCase();
    }

    private static VictimCase enhancedCase() {
        return VictimCase.open("r-1", "maidstone", "violent-crime", "victim-support",
                profile(List.of(), "35-49", List.of("intimidated")), RULES, LIMITS, OPENED).victimCase();
    }

    private static VictimProfile profile(List<String> flags, String ageBand, List<String> vulnerabilities) {
        return new VictimProfile(flags, ageBand, vulnerabilities, "standard", false, "victim", PSEUDONYM);
    }

    private static Map<NeedCategory, NeedLevel> allNone() {
        Map<NeedCategory, NeedLevel> levels = new EnumMap<>(NeedCategory.class);
        for (NeedCategory category : NeedCategory.values()) {
            levels.put(category, NeedLevel.NONE);
        }
        return levels;
    }
}
