package org.saferkent.referrals.referral.adapter.in.web;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.saferkent.platform.service.InvalidRequestException;
import org.saferkent.platform.service.ProblemResponses.FieldProblem;
import org.saferkent.referrals.referral.domain.NewReferral;

/**
 * Issue 17: the Victims' Code's enhanced-entitlement categories are flags an agency may send, and the
 * clocks run from when the agency received the victim's details ({@code receivedByAgencyAt}).
 */
class ReferralRequestVictimsCodeTest {

    private static final Instant NOW = Instant.parse("2026-12-04T15:00:00Z");
    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    @ParameterizedTest
    @ValueSource(strings = {"domestic-abuse", "hate-crime", "sexual-offence", "terrorism", "human-trafficking",
            "modern-slavery", "attempted-murder", "kidnap", "false-imprisonment", "arson-with-intent",
            "wounding-with-intent", "stalking", "child-sexual-exploitation"})
    void everyVictimsCodeCategoryIsAcceptedAsAFlag(String flag) {
        NewReferral accepted = request(List.of(flag), null, null).validate(VALIDATOR, NOW, "kent-police");

        assertThat(accepted.flags()).containsExactly(flag);
    }

    @Test
    void anUnknownFlagIsAProblemNamingTheFlagAndTheAllowedValues() {
        assertThatThrownBy(() -> request(List.of("stalking", "burglary-of-hearts"), null, null).validate(VALIDATOR, NOW, "kent-police"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.problems()).extracting(FieldProblem::field).containsExactly("flags[1]");
                    assertThat(e.problems().get(0).message()).contains("terrorism", "child-sexual-exploitation", "stalking");
                });
    }

    @Test
    void withoutReceivedByAgencyAtTheDetailsCountAsReceivedNow() {
        assertThat(request(List.of(), null, null).validate(VALIDATOR, NOW, "kent-police").receivedByAgencyAt()).isEqualTo(NOW);
    }

    @Test
    void receivedByAgencyAtIsKeptWhenItIsInThePastAndNotBeforeTheIncident() {
        Instant received = Instant.parse("2026-12-02T09:30:00Z");

        NewReferral accepted = request(List.of(), LocalDate.parse("2026-12-01"), received).validate(VALIDATOR, NOW, "kent-police");

        assertThat(accepted.receivedByAgencyAt()).isEqualTo(received);
    }

    @Test
    void receivedOnTheDayOfTheIncidentIsAccepted() {
        Instant received = Instant.parse("2026-12-01T00:30:00Z");

        assertThat(request(List.of(), LocalDate.parse("2026-12-01"), received).validate(VALIDATOR, NOW, "kent-police")
                .receivedByAgencyAt()).isEqualTo(received);
    }

    @Test
    void receivedByAgencyAtInTheFutureIsAProblemNamingTheField() {
        assertThatThrownBy(() -> request(List.of(), null, NOW.plusSeconds(3600)).validate(VALIDATOR, NOW, "kent-police"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.problems()).extracting(FieldProblem::field).containsExactly("receivedByAgencyAt");
                    assertThat(e.problems().get(0).message()).contains("future");
                });
    }

    @Test
    void receivedByAgencyAtBeforeTheIncidentIsAProblemNamingTheField() {
        // 23:30 UTC on 30 November is still 30 November in Kent (GMT): before an incident on 1 December
        Instant received = Instant.parse("2026-11-30T23:30:00Z");

        assertThatThrownBy(() -> request(List.of(), LocalDate.parse("2026-12-01"), received).validate(VALIDATOR, NOW, "kent-police"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.problems()).extracting(FieldProblem::field).containsExactly("receivedByAgencyAt");
                    assertThat(e.problems().get(0).message()).contains("incident");
                });
    }

    private static ReferralRequest request(List<String> flags, LocalDate incidentDate, Instant receivedByAgencyAt) {
        return new ReferralRequest(null, null, "maidstone", "violent-crime", flags, null,
                new ReferralRequest.SubjectRequest("victim", "A Person", LocalDate.parse("1984-06-02"), "ME15 6YQ", null, null,
                        null, null, null),
                null, incidentDate, "victim-support", null,
                new ReferralRequest.ConsentRequest(true, LocalDate.parse("2026-11-01"), "PC 123", null), null, null, null,
                receivedByAgencyAt);
    }
}
