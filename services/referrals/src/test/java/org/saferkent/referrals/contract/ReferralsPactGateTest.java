package org.saferkent.referrals.contract;

import java.util.List;
import java.util.Map;

import au.com.dius.pact.provider.MessageAndMetadata;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.saferkent.contracts.PactGate.mismatchesByConsumer;
import static org.saferkent.contracts.PactGate.withBody;
import static org.saferkent.contracts.PactGate.withHeaders;

/**
 * The pact half of the can-I-deploy gate, shown on referrals' most read event: the real
 * {@code referrals.ReferralRouted.v1} message passes every committed pact; renaming or removing a
 * field a consumer reads, or changing a header, fails verification for exactly the consumers that
 * read it; adding an optional field does not.
 */
class ReferralsPactGateTest {

    private static final String ROUTED = "referrals.ReferralRouted.v1";
    private static final List<String> READERS = List.of("commissioning", "partnership", "restorative-justice", "victims");

    private final MessageAndMetadata real = ReferralMessages.referralRouted();

    @Test
    void theRealMessageKeepsEveryConsumersPact() {
        Map<String, List<String>> mismatches = mismatchesByConsumer("referrals", ROUTED, real);

        assertThat(mismatches).containsOnlyKeys(READERS);
        assertThat(mismatches.values()).allSatisfy(problems -> assertThat(problems).isEmpty());
    }

    @Test
    void renamingAFieldEveryConsumerReadsFailsThemAll() {
        Map<String, List<String>> mismatches = mismatchesByConsumer("referrals", ROUTED,
                withBody(real, body -> body.set("districtCode", body.remove("district"))));

        assertThat(mismatches).containsOnlyKeys(READERS);
        assertThat(mismatches.values()).allSatisfy(problems ->
                assertThat(problems).anySatisfy(problem -> assertThat(problem).contains("district")));
    }

    @Test
    void removingAFieldFailsOnlyTheConsumersThatReadIt() {
        Map<String, List<String>> mismatches = mismatchesByConsumer("referrals", ROUTED,
                withBody(real, body -> body.remove("ageBand")));

        assertThat(mismatches.get("victims")).anySatisfy(problem -> assertThat(problem).contains("ageBand"));
        assertThat(mismatches.get("restorative-justice")).isEmpty();
        assertThat(mismatches.get("commissioning")).isEmpty();
    }

    @Test
    void changingAFieldsTypeFails() {
        Map<String, List<String>> mismatches = mismatchesByConsumer("referrals", ROUTED,
                withBody(real, body -> body.put("marac", "yes")));

        assertThat(mismatches.get("victims")).anySatisfy(problem -> assertThat(problem).contains("marac"));
    }

    @Test
    void changingTheWireNameFailsEveryConsumer() {
        Map<String, List<String>> mismatches = mismatchesByConsumer("referrals", ROUTED,
                withHeaders(real, headers -> headers.put("ce_type", "referrals.ReferralRouted.v2")));

        assertThat(mismatches.values()).allSatisfy(problems ->
                assertThat(problems).anySatisfy(problem -> assertThat(problem).startsWith("metadata ce_type")));
    }

    @Test
    void droppingOrRenamingAHeaderFailsEveryConsumer() {
        Map<String, List<String>> mismatches = mismatchesByConsumer("referrals", ROUTED,
                withHeaders(real, headers -> headers.put("ce_eventid", headers.remove("ce_id"))));

        assertThat(mismatches.values()).allSatisfy(problems ->
                assertThat(problems).anySatisfy(problem -> assertThat(problem).startsWith("metadata ce_id")));
    }

    @Test
    void anotherSpecVersionOrSourceFails() {
        Map<String, List<String>> mismatches = mismatchesByConsumer("referrals", ROUTED, withHeaders(real, headers -> {
            headers.put("ce_specversion", "0.3");
            headers.put("ce_source", "/saferkent/intake");
        }));

        assertThat(mismatches.values()).allSatisfy(problems -> assertThat(problems)
                .anySatisfy(problem -> assertThat(problem).startsWith("metadata ce_specversion"))
                .anySatisfy(problem -> assertThat(problem).startsWith("metadata ce_source")));
    }

    @Test
    void addingAnOptionalFieldOrHeaderKeepsEveryPact() {
        Map<String, List<String>> mismatches = mismatchesByConsumer("referrals", ROUTED,
                withHeaders(withBody(real, body -> body.put("channel", "online-form")),
                        headers -> headers.put("ce_dataschema", "referrals.ReferralRouted.v1")));

        assertThat(mismatches).containsOnlyKeys(READERS);
        assertThat(mismatches.values()).allSatisfy(problems -> assertThat(problems).isEmpty());
    }

    /** The erasure victims and restorative justice carry out: it must still find every pseudonym, and a pseudonym is never a name. */
    @Test
    void anErasureKeepsVictimsAndRestorativeJusticesPactsOnlyWhileItNamesEveryPseudonymAndNoPerson() {
        MessageAndMetadata erasure = ReferralMessages.subjectErased();

        assertThat(mismatchesByConsumer("referrals", "referrals.SubjectErased.v1", erasure))
                .containsOnlyKeys("victims", "restorative-justice").allSatisfy((consumer, problems) -> assertThat(problems).isEmpty());
        Map<String, List<String>> renamed = mismatchesByConsumer("referrals", "referrals.SubjectErased.v1",
                withBody(erasure, body -> body.set("previousPseudonyms", body.remove("formerPseudonyms"))));
        Map<String, List<String>> named = mismatchesByConsumer("referrals", "referrals.SubjectErased.v1",
                withBody(erasure, body -> body.put("subjectPseudonym", "Alex Example")));
        for (String consumer : List.of("victims", "restorative-justice")) {
            assertThat(renamed.get(consumer)).as(consumer).anySatisfy(problem -> assertThat(problem).contains("formerPseudonyms"));
            assertThat(named.get(consumer)).as(consumer).anySatisfy(problem -> assertThat(problem).contains("subjectPseudonym"));
        }
    }
}
