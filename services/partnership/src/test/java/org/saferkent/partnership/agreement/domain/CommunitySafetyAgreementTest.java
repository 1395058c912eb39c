package org.saferkent.partnership.agreement.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class CommunitySafetyAgreementTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-09-01");
    private static final Instant NOW = Instant.parse("2026-09-01T10:00:00Z");
    private static final List<Priority> PRIORITIES = List.of(new Priority("domestic-abuse", "Domestic abuse"),
            new Priority("anti-social-behaviour", "Anti-social behaviour"));

    private CommunitySafetyAgreement agreed() {
        return CommunitySafetyAgreement.draft(2026, PRIORITIES, List.of("substance-misuse"), NOW).agreement()
                .agree("officer", "kcc-community-safety-unit", TODAY, TODAY, NOW).agreement();
    }

    @Test
    void agreedOnceRecordingWhoAndWhen() {
        CommunitySafetyAgreement agreed = agreed();

        assertThat(agreed.status()).isEqualTo(AgreementStatus.AGREED);
        assertThat(agreed.agreedBy()).isEqualTo("officer");
        assertThat(agreed.agreedOn()).isEqualTo(TODAY);
        assertThatThrownBy(() -> agreed.agree("other", null, TODAY, TODAY, NOW))
                .isInstanceOfSatisfying(AgreementRuleViolation.class, e -> assertThat(e.invalid()).isFalse());
    }

    @Test
    void aRepeatedPriorityIsRefusedNamingIt() {
        assertThatThrownBy(() -> CommunitySafetyAgreement.draft(2026,
                List.of(new Priority("domestic-abuse", "A"), new Priority("domestic-abuse", "B")), List.of(), NOW))
                .isInstanceOfSatisfying(AgreementRuleViolation.class, e -> assertThat(e.field()).isEqualTo("priorities[1].code"));
    }

    @Test
    void aRefreshIsTheNextYearsAgreementCarryingTheActionsNotDone() {
        CommunitySafetyAgreement plan = agreed()
                .plan("a1", "Refuges", "domestic-abuse", "kent-police", TODAY.plusMonths(2), List.of(), NOW).agreement()
                .plan("a2", "Patrols", "anti-social-behaviour", "kent-police", TODAY.plusMonths(2), List.of(), NOW).agreement()
                .changeStatus("a2", ActionStatus.DONE, TODAY, TODAY, NOW).agreement();

        AgreementChange refreshed = plan.refresh(null, null, NOW);

        assertThat(refreshed.agreement().year()).isEqualTo(2027);
        assertThat(refreshed.agreement().id()).isEqualTo("csa-2027");
        assertThat(refreshed.agreement().refreshedFrom()).isEqualTo("csa-2026");
        assertThat(refreshed.agreement().status()).isEqualTo(AgreementStatus.DRAFT);
        assertThat(refreshed.agreement().priorityCodes()).containsExactly("domestic-abuse", "anti-social-behaviour");
        assertThat(refreshed.agreement().actions()).extracting(PlanAction::id).containsExactly("a1");
    }

    @Test
    void onlyAnAgreedAgreementIsRefreshed() {
        CommunitySafetyAgreement draft = CommunitySafetyAgreement.draft(2026, PRIORITIES, List.of(), NOW).agreement();

        assertThatThrownBy(() -> draft.refresh(null, null, NOW)).isInstanceOf(AgreementRuleViolation.class);
    }

    @Test
    void anActionForAPriorityNotInTheAgreementIsRefused() {
        assertThatThrownBy(() -> agreed().plan("a1", "X", "burglary", "kent-police", TODAY, List.of(), NOW))
                .isInstanceOfSatisfying(AgreementRuleViolation.class, e -> assertThat(e.field()).isEqualTo("priority"));
    }

    @Test
    void doneNeedsItsDateAndAnOverdueActionIsReportedOnce() {
        CommunitySafetyAgreement plan = agreed()
                .plan("a1", "Refuges", "domestic-abuse", "kent-police", TODAY.minusDays(1), List.of(), NOW).agreement();

        assertThatThrownBy(() -> plan.changeStatus("a1", ActionStatus.DONE, null, TODAY, NOW))
                .isInstanceOfSatisfying(AgreementRuleViolation.class, e -> assertThat(e.field()).isEqualTo("doneOn"));
        AgreementChange first = plan.reportOverdue(TODAY, NOW);
        assertThat(first.events()).hasSize(1).first().isInstanceOf(ActionOverdue.class);
        assertThat(first.agreement().reportOverdue(TODAY, NOW).events()).isEmpty();
        assertThat(plan.reportOverdue(TODAY.minusDays(1), NOW).events()).as("due today is not overdue yet").isEmpty();
        AgreementChange done = first.agreement().changeStatus("a1", ActionStatus.DONE, TODAY, TODAY, NOW);
        assertThat(done.agreement().action("a1").overdueOn(TODAY)).isFalse();
    }
}
