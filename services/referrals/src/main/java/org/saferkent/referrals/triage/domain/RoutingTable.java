package org.saferkent.referrals.triage.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Chooses the pathways for a referral: the union of the pathways of every matching {@link RoutingRule}, in rule
 * order, without repeats. A referral no rule matches gets no pathway (the caller decides what that means).
 *
 * <p>{@link #kentDefaults()} as configuration, ready to bind (Spring's relaxed binding accepts the lower-case
 * and kebab-case enum values):
 *
 * <pre>{@code
 * saferkent:
 *   referrals:
 *     triage:
 *       routing:
 *         rules:
 *           - name: victims-of-crime
 *             roles: [victim]
 *             pathways: [victim-support]
 *           - name: domestic-abuse-victims
 *             categories: [domestic-abuse]
 *             roles: [victim]
 *             pathways: [domestic-abuse]
 *           - name: high-risk-victims            # HIGH DASH goes to MARAC whatever the category
 *             risks: [high]
 *             roles: [victim, vulnerable-person]
 *             pathways: [domestic-abuse]
 *           - name: vulnerable-people
 *             roles: [vulnerable-person]
 *             pathways: [victim-support]
 *           - name: youth-offenders
 *             roles: [offender]
 *             min-age: 10
 *             max-age: 17
 *             pathways: [youth-prevention]
 *           - name: adult-offenders-restorative-justice   # not domestic-abuse or sexual-offence
 *             categories: [anti-social-behaviour, bicycle-theft, burglary, criminal-damage-arson, drugs,
 *                          other-theft, possession-of-weapons, public-order, robbery, shoplifting,
 *                          theft-from-the-person, vehicle-crime, violent-crime, other-crime, hate-crime]
 *             roles: [offender]
 *             min-age: 18
 *             pathways: [restorative-justice]
 *           - name: substance-misuse
 *             categories: [drugs]
 *             pathways: [substance-misuse]
 *           - name: anti-social-behaviour
 *             categories: [anti-social-behaviour]
 *             pathways: [asb-case]
 *           - name: families
 *             roles: [family]
 *             pathways: [troubled-families]
 * }</pre>
 */
public final class RoutingTable {

    private final List<RoutingRule> rules;

    public RoutingTable(List<RoutingRule> rules) {
        this.rules = List.copyOf(Objects.requireNonNull(rules, "rules"));
    }

    /**
     * @param risk the DASH level, or {@code null} if no DASH was completed (rules naming risks then do not match)
     * @param age  the subject's age, or {@code null} if unknown (rules with an age bound then do not match)
     * @return pathway codes in the order of the first rule that named each
     */
    public LinkedHashSet<String> route(String category, RiskLevel risk, SubjectRole role, Integer age) {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(role, "role");
        LinkedHashSet<String> pathways = new LinkedHashSet<>();
        for (RoutingRule rule : rules) {
            if (rule.matches(category, risk, role, age)) {
                pathways.addAll(rule.pathways());
            }
        }
        return pathways;
    }

    public List<RoutingRule> rules() {
        return rules;
    }

    /**
     * Kent's default routing, from the Community Safety Framework's pathways. Domestic abuse and sexual offences
     * are deliberately NOT routed to restorative justice automatically: those cases need a risk assessment and a
     * manager's approval before any contact (ACPO RJ minimum standards, 2012), so a practitioner refers them.
     */
    public static RoutingTable kentDefaults() {
        Set<RiskLevel> anyRisk = Set.of();
        Set<String> anyCategory = Set.of();
        Set<String> restorativeJusticeCategories = Set.of(
                "anti-social-behaviour", "bicycle-theft", "burglary", "criminal-damage-arson", "drugs",
                "other-theft", "possession-of-weapons", "public-order", "robbery", "shoplifting",
                "theft-from-the-person", "vehicle-crime", "violent-crime", "other-crime", "hate-crime");
        return new RoutingTable(List.of(
                RoutingRule.of("victims-of-crime", anyCategory, anyRisk, Set.of(SubjectRole.VICTIM),
                        null, null, "victim-support"),
                RoutingRule.of("domestic-abuse-victims", Set.of("domestic-abuse"), anyRisk, Set.of(SubjectRole.VICTIM),
                        null, null, "domestic-abuse"),
                RoutingRule.of("high-risk-victims", anyCategory, Set.of(RiskLevel.HIGH),
                        Set.of(SubjectRole.VICTIM, SubjectRole.VULNERABLE_PERSON), null, null, "domestic-abuse"),
                RoutingRule.of("vulnerable-people", anyCategory, anyRisk, Set.of(SubjectRole.VULNERABLE_PERSON),
                        null, null, "victim-support"),
                RoutingRule.of("youth-offenders", anyCategory, anyRisk, Set.of(SubjectRole.OFFENDER),
                        10, 17, "youth-prevention"),
                RoutingRule.of("adult-offenders-restorative-justice", restorativeJusticeCategories, anyRisk,
                        Set.of(SubjectRole.OFFENDER), 18, null, "restorative-justice"),
                RoutingRule.of("substance-misuse", Set.of("drugs"), anyRisk, Set.of(), null, null, "substance-misuse"),
                RoutingRule.of("anti-social-behaviour", Set.of("anti-social-behaviour"), anyRisk, Set.of(),
                        null, null, "asb-case"),
                RoutingRule.of("families", anyCategory, anyRisk, Set.of(SubjectRole.FAMILY),
                        null, null, "troubled-families")));
    }
}
