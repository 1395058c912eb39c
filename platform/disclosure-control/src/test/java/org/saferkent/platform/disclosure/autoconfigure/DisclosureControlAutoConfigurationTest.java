package org.saferkent.platform.disclosure.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.saferkent.platform.disclosure.Audiences;
import org.saferkent.platform.disclosure.DisclosureControl;
import org.saferkent.platform.disclosure.DisclosureRule;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class DisclosureControlAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DisclosureControlAutoConfiguration.class));

    @Test
    void theAutoConfigurationIsRegisteredForBoot() {
        assertThat(ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()))
                .contains(DisclosureControlAutoConfiguration.class.getName());
    }

    @Test
    void withNoSettingsEachAudienceHasItsDefaultRule() {
        runner.run(context -> {
            DisclosureControl control = context.getBean(DisclosureControl.class);
            assertThat(control.audiences()).containsExactly(Audiences.POLICE_CRIME_PANEL, Audiences.PCC_OFFICE,
                    Audiences.PUBLIC, Audiences.MOJ_RETURN);
            assertThat(control.rule(Audiences.PUBLIC)).isEqualTo(new DisclosureRule(5, false, 5, true));
            assertThat(control.rule(Audiences.POLICE_CRIME_PANEL)).isEqualTo(new DisclosureRule(5, false, 1, true));
            assertThat(control.rule(Audiences.MOJ_RETURN)).isEqualTo(DisclosureRule.EXACT);
        });
    }

    @Test
    void aSettingChangesOnlyWhatItNamesAndANewAudienceStartsFromTheStandardRule() {
        runner.withPropertyValues("saferkent.disclosure.audiences.public.rounding-base=10",
                "saferkent.disclosure.audiences.ward-profile.minimum-publishable=10").run(context -> {
                    DisclosureControl control = context.getBean(DisclosureControl.class);
                    assertThat(control.rule(Audiences.PUBLIC)).isEqualTo(new DisclosureRule(5, false, 10, true));
                    assertThat(control.rule("ward-profile")).isEqualTo(new DisclosureRule(10, false, 1, true));
                    assertThat(control.rule(Audiences.PCC_OFFICE)).isEqualTo(DisclosureRule.SUPPRESS_UNDER_FIVE);
                });
    }

    @Test
    void aSettingThatCannotWorkStopsStartupNamingIt() {
        runner.withPropertyValues("saferkent.disclosure.audiences.public.rounding-base=0").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasStackTraceContaining("audiences[public].roundingBase");
        });
    }

    @Test
    void aServiceMayProvideItsOwnControl() {
        var own = new DisclosureControl(Map.of("ward-profile", DisclosureRule.EXACT));
        runner.withBean(DisclosureControl.class, () -> own)
                .run(context -> assertThat(context.getBean(DisclosureControl.class)).isSameAs(own));
    }
}
