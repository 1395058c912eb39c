package org.saferkent.victims.contract;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import au.com.dius.pact.provider.MessageAndMetadata;
import org.saferkent.contracts.ProviderMessages;
import org.saferkent.platform.workingdays.WorkingDayCalendar;
import org.saferkent.victims.victimcase.domain.Change;
import org.saferkent.victims.victimcase.domain.ClosureReason;
import org.saferkent.victims.victimcase.domain.ContactChannel;
import org.saferkent.victims.victimcase.domain.ContactOutcome;
import org.saferkent.victims.victimcase.domain.EntitlementRules;
import org.saferkent.victims.victimcase.domain.NeedCategory;
import org.saferkent.victims.victimcase.domain.NeedLevel;
import org.saferkent.victims.victimcase.domain.NeedOutcome;
import org.saferkent.victims.victimcase.domain.VictimCase;
import org.saferkent.victims.victimcase.domain.VictimCaseClosed;
import org.saferkent.victims.victimcase.domain.VictimNeedsAssessed;
import org.saferkent.victims.victimcase.domain.VictimSupportPlanAgreed;
import org.saferkent.victims.victimcase.domain.VictimOptedIntoRestorativeJustice;
import org.saferkent.victims.victimcase.domain.VictimOutcomeRecorded;
import org.saferkent.victims.victimcase.domain.VictimCodeDeadlineBreachWithdrawn;
import org.saferkent.victims.victimcase.domain.VictimCodeDeadlineMissed;
import org.saferkent.victims.victimcase.domain.VictimContacted;
import org.saferkent.victims.victimcase.domain.VictimCaseOpened;
import org.saferkent.victims.victimcase.domain.VictimCodeTimeLimits;
import org.saferkent.victims.victimcase.domain.VictimDuty;
import org.saferkent.victims.victimcase.domain.VictimProfile;

/**
 * The messages victims publishes, made the way it makes them: a victim case opened from a routed
 * referral and worked through (contact, a missed time limit, needs and outcome, RJ opt-in, closure),
 * each fact through the outbox's JSON and CloudEvents headers ({@link ProviderMessages#outboxEvent}).
 */
final class VictimMessages {

    private static final String REFERRAL_ID = "0d6f1c2a-7e3b-4a59-9c1d-2f8e6b5a4c3d";
    private static final String PSEUDONYM = "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8";
    /** Monday 30 November 2026, 09:00 London. */
    private static final Instant OPENED = Instant.parse("2026-11-30T09:00:00Z");

    private VictimMessages() {
    }

    private static Change opened() {
        return VictimCase.open(REFERRAL_ID, "maidstone", "domestic-abuse", "domestic-abuse",
                new VictimProfile(List.of("repeat-victim"), "25-34", List.of(), "high", true, "victim", PSEUDONYM),
                EntitlementRules.victimsCode2020(), VictimCodeTimeLimits.victimsCode2020(WorkingDayCalendar.englandAndWales()),
                OPENED);
    }

    private static VictimCase open() {
        return opened().victimCase();
    }

    private static VictimCase contacted() {
        return open().recordContact(OPENED.plusSeconds(3600), ContactChannel.PHONE, ContactOutcome.MADE, OPENED.plusSeconds(3660))
                .victimCase();
    }

    private static VictimCase withOutcome() {
        return contacted().assessNeeds(allNoneBut(NeedCategory.SHELTER_ACCOMMODATION), OPENED.plusSeconds(7200)).victimCase()
                .recordOutcome(Map.of(NeedCategory.SHELTER_ACCOMMODATION, NeedOutcome.IMPROVED), true,
                        OPENED.plusSeconds(86_400 * 30)).victimCase();
    }

    private static MessageAndMetadata publish(Change change, Class<?> type) {
        Object event = change.events().stream().filter(type::isInstance).findFirst()
                .orElseThrow(() -> new AssertionError("the case produced no " + type.getSimpleName()));
        return ProviderMessages.outboxEvent("victims", change.victimCase().id(), 2, event);
    }

    static MessageAndMetadata victimCaseOpened() {
        return publish(opened(), VictimCaseOpened.class);
    }

    static MessageAndMetadata victimContacted() {
        return publish(open().recordContact(OPENED.plusSeconds(3600), ContactChannel.PHONE, ContactOutcome.MADE,
                OPENED.plusSeconds(3660)), VictimContacted.class);
    }

    static MessageAndMetadata victimCodeDeadlineMissed() {
        VictimCase victimCase = open();
        return publish(victimCase.breachOverdueDuties(victimCase.dueAt(VictimDuty.FIRST_CONTACT).plusSeconds(1)),
                VictimCodeDeadlineMissed.class);
    }

    /** First contact made an hour before it fell due, recorded an hour after the scan announced it missed. */
    static MessageAndMetadata victimCodeDeadlineBreachWithdrawn() {
        VictimCase victimCase = open();
        Instant due = victimCase.dueAt(VictimDuty.FIRST_CONTACT);
        VictimCase scanned = victimCase.breachOverdueDuties(due.plusSeconds(1)).victimCase();
        return publish(scanned.recordContact(due.minusSeconds(3600), ContactChannel.PHONE, ContactOutcome.MADE, due.plusSeconds(3600)),
                VictimCodeDeadlineBreachWithdrawn.class);
    }

    static MessageAndMetadata victimOutcomeRecorded() {
        Change recorded = contacted().assessNeeds(allNoneBut(NeedCategory.SHELTER_ACCOMMODATION), OPENED.plusSeconds(7200))
                .victimCase().recordOutcome(Map.of(NeedCategory.SHELTER_ACCOMMODATION, NeedOutcome.IMPROVED), true,
                        OPENED.plusSeconds(86_400 * 30));
        return publish(recorded, VictimOutcomeRecorded.class);
    }

    static MessageAndMetadata victimOptedIntoRestorativeJustice() {
        return publish(contacted().optIntoRestorativeJustice(OPENED.plusSeconds(86_400)),
                VictimOptedIntoRestorativeJustice.class);
    }

    static MessageAndMetadata victimNeedsAssessed() {
        return publish(contacted().assessNeeds(allNoneBut(NeedCategory.SHELTER_ACCOMMODATION), OPENED.plusSeconds(7200)),
                VictimNeedsAssessed.class);
    }

    static MessageAndMetadata victimSupportPlanAgreed() {
        return publish(contacted().assessNeeds(allNoneBut(NeedCategory.SHELTER_ACCOMMODATION), OPENED.plusSeconds(7200)).victimCase()
                .agreeSupportPlan(List.of("refer to housing options"), LocalDate.of(2026, 12, 28), OPENED.plusSeconds(10_800)),
                VictimSupportPlanAgreed.class);
    }

    static MessageAndMetadata victimCaseClosed() {
        return publish(withOutcome().close(ClosureReason.COMPLETED, OPENED.plusSeconds(86_400 * 31)),
                VictimCaseClosed.class);
    }

    private static Map<NeedCategory, NeedLevel> allNoneBut(NeedCategory need) {
        Map<NeedCategory, NeedLevel> levels = new EnumMap<>(NeedCategory.class);
        for (NeedCategory category : NeedCategory.values()) {
            levels.put(category, NeedLevel.NONE);
        }
        levels.put(need, NeedLevel.HIGH);
        return levels;
    }
}
