package org.saferkent.commissioning;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The topics commissioning measures. */
@ConfigurationProperties("saferkent.commissioning")
public record CommissioningProperties(String referralsTopic, String victimsTopic, String rjTopic) {
}
