package org.saferkent.rj;

import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param topic          where RJ case events are published
 * @param referralsTopic where referral events are read from
 * @param pathways       referral pathways that open an RJ case
 */
@ConfigurationProperties("saferkent.rj")
public record RjProperties(String topic, String referralsTopic, Set<String> pathways) {
}
