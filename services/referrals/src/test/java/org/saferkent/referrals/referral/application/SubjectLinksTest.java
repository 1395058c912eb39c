package org.saferkent.referrals.referral.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.saferkent.referrals.referral.adapter.out.persistence.SubjectIndex.Incident;
import org.saferkent.referrals.referral.adapter.out.persistence.SubjectIndex.Links;
import org.saferkent.referrals.referral.adapter.out.persistence.SubjectIndex.SubjectRecord;
import org.saferkent.referrals.referral.domain.Referral;
import org.saferkent.referrals.referral.domain.SubjectProfile;
import org.saferkent.referrals.referral.domain.Triage;
import org.saferkent.referrals.triage.domain.PriorReferral;
import org.saferkent.referrals.triage.domain.SubjectRole;

/** The pure parts of who a person is: how a history learns another address, and how an undone link splits it. */
class SubjectLinksTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);

    @Test
    void aHistoryLearnsAnotherAddressesPseudonymAndKeysButNotTheOneItIsStoredUnder() {
        Links links = SubjectRecord.none().knownAs("home", "home", List.of("key")).links();
        assertThat(links.pseudonyms()).isEmpty();
        assertThat(links.personKeys()).containsExactly("key");

        Links moved = SubjectRecord.none().withLinks(links).knownAs("home", "refuge", List.of("key", "old-secret-key")).links();
        assertThat(moved.pseudonyms()).containsExactly("refuge");
        assertThat(moved.personKeys()).containsExactly("key", "old-secret-key");

        Links withNhs = SubjectRecord.none().withLinks(moved).knownAs("home", "refuge", List.of("key"), List.of("nhs-key")).links();
        assertThat(withNhs.nhsKeysOf("refuge")).extracting(k -> k.key()).containsExactly("nhs-key");
        assertThat(withNhs.unlinking("refuge").nhsKeys()).as("the NHS number leaves with its pseudonym").isEmpty();

        Links undone = moved.unlinking("refuge");
        assertThat(undone.pseudonyms()).isEmpty();
        assertThat(undone.unlinked()).containsExactly("refuge");
        assertThat(undone.personKeys()).containsExactly("key", "old-secret-key");
    }

    @Test
    void anUndoneLinkSplitsTheEntriesByReferral() {
        SubjectRecord joined = new SubjectRecord(4,
                List.of(prior("a"), prior("b")), List.of(new Incident("a", MONDAY), new Incident("b", MONDAY.plusDays(1))),
                MONDAY.plusDays(1), List.of("a", "b"), null, new Links(List.of("key"), List.of("refuge"), List.of()));

        SubjectRecord theirs = joined.only(Set.of("b"), MONDAY.plusDays(1), Links.NONE);
        SubjectRecord rest = joined.without(Set.of("b"), null, joined.links().unlinking("refuge"));

        assertThat(theirs.version()).isZero();
        assertThat(theirs.referralIds()).containsExactly("b");
        assertThat(theirs.priors()).extracting(PriorReferral::referralId).containsExactly("b");
        assertThat(theirs.domesticAbuseIncidents()).containsExactly(new Incident("b", MONDAY.plusDays(1)));
        assertThat(theirs.lastMaracReferral()).isEqualTo(MONDAY.plusDays(1));
        assertThat(rest.version()).isEqualTo(4);
        assertThat(rest.referralIds()).containsExactly("a");
        assertThat(rest.domesticAbuseIncidents()).containsExactly(new Incident("a", MONDAY));
        assertThat(rest.lastMaracReferral()).isNull();
        assertThat(rest.links().unlinked()).containsExactly("refuge");
    }

    @Test
    void theMaracDateGoesWithTheReferralsItCameFromAndOnlyThen() {
        Referral theirs = referral("b", true, MONDAY.plusDays(3));
        Referral earlierOfTheRest = referral("a", true, MONDAY);
        Referral notMarac = referral("c", false, MONDAY.plusDays(5));

        assertThat(SubjectLinks.lastMarac(List.of(theirs, notMarac))).isEqualTo(MONDAY.plusDays(3));
        // the history's last MARAC referral was theirs: the rest's own latest
        assertThat(SubjectLinks.restMarac(MONDAY.plusDays(3), MONDAY.plusDays(3), List.of(earlierOfTheRest, notMarac))).isEqualTo(MONDAY);
        // it was the rest's (a later day): unchanged
        assertThat(SubjectLinks.restMarac(MONDAY.plusDays(9), MONDAY.plusDays(3), List.of(earlierOfTheRest))).isEqualTo(MONDAY.plusDays(9));
        // both went to MARAC that day: unchanged
        assertThat(SubjectLinks.restMarac(MONDAY, MONDAY, List.of(earlierOfTheRest))).isEqualTo(MONDAY);
        // none of the rest ever did
        assertThat(SubjectLinks.restMarac(MONDAY.plusDays(3), MONDAY.plusDays(3), List.of(notMarac))).isNull();
    }

    private static PriorReferral prior(String id) {
        return new PriorReferral(id, "kent-police", null, "domestic-abuse", Instant.parse("2026-11-30T10:00:00Z"));
    }

    private static Referral referral(String id, boolean marac, LocalDate received) {
        return new Referral(id, "kent-police", null, null, "domestic-abuse", List.of(), null,
                new SubjectProfile(SubjectRole.VICTIM, "p-" + id, null, null, List.of()), null, null, List.of(), null,
                new Triage("standard", null, false, marac, List.of()), null, null, null, List.of(), List.of(), null, List.of(),
                received.atTime(12, 0).atZone(java.time.ZoneId.of("Europe/London")).toInstant(), null);
    }
}
