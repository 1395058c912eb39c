package org.saferkent.platform.disclosure.autoconfigure;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.saferkent.platform.disclosure.DisclosureControl;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The shared {@link DisclosureControl}, with the rules of {@code saferkent.disclosure.audiences.*}. */
@AutoConfiguration
@EnableConfigurationProperties(DisclosureProperties.class)
public class DisclosureControlAutoConfiguration {

    private static final Log log = LogFactory.getLog(DisclosureControlAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    DisclosureControl disclosureControl(DisclosureProperties properties) {
        var control = new DisclosureControl(properties.rules());
        log.info("Disclosure rules per audience: " + properties.rules());
        return control;
    }
}
