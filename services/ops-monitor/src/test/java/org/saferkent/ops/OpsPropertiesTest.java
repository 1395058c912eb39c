package org.saferkent.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.saferkent.platform.events.WireNames;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.FieldError;

/** The dead-letter allow-lists an operator adds are settings like the others: bound, checked, refused at start. */
class OpsPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(OpsProperties.class)
    static class Settings {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void readableFieldsAreBoundPerEventType() {
        runner.withPropertyValues("saferkent.ops.dead-letters.readable-fields[referrals.ReferralRouted.v1]=referralId, district,")
                .run(context -> assertThat(context.getBean(OpsProperties.class).deadLetters().readableFields())
                        .isEqualTo(Map.of("referrals.ReferralRouted.v1", List.of("referralId", "district", ""))));
    }

    @Test
    void aMisspeltEventTypeOrAFieldPathStopsTheStartNamingTheSetting() {
        runner.withPropertyValues("saferkent.ops.dead-letters.readable-fields[ReferralRouted]=referralId",
                "saferkent.ops.dead-letters.readable-fields[referrals.ReferralAccepted.v1]=subject.district").run(context -> {
                    assertThat(context).hasFailed();
                    // as the start-up failure report prints them ("Property: ... Reason: ...")
                    assertThat(context.getStartupFailure()).rootCause().isInstanceOfSatisfying(BindValidationException.class,
                            invalid -> assertThat(invalid.getValidationErrors().getAllErrors().stream()
                                    .map(error -> error.getObjectName() + "." + ((FieldError) error).getField() + ": "
                                            + error.getDefaultMessage()))
                                    .containsExactlyInAnyOrder("saferkent.ops.deadLetters.readableFields[ReferralRouted]: "
                                                    + "must be an event type (ce_type) such as referrals.ReferralRouted.v1",
                                            "saferkent.ops.deadLetters.readableFields[referrals.ReferralAccepted.v1][0]: "
                                                    + "must be a payload field's name such as referralId"));
                });
    }

    @Test
    void theEventTypeRuleIsTheWireNamesFormat() {
        assertThat(OpsProperties.DeadLetters.EVENT_TYPE).isEqualTo(WireNames.FORMAT.pattern());
    }
}
