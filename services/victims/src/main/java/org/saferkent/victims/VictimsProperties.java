package org.saferkent.victims;

import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param topic          where victim case events are published
 * @param referralsTopic where referral events are read from
 * @param pathways       referral pathways that open a victim case
 */
@ConfigurationProperties("saferkent.victims")
public record VictimsProperties(String topic, String referralsTopic, Set<String> pathways) {
}
