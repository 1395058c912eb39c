package org.saferkent.referrals.triage.domain;

import java.util.List;
import java.util.Set;

/**
 * One line of the routing table: a referral matching every condition goes to every listed pathway.
 * An empty set or a {@code null} age bound means "any".
 *
 * <p>A rule that names risks matches only a referral with a DASH level among them (no DASH, no match); a rule
 * with an age bound matches only a referral whose age is known and within it (bounds inclusive).
 *
 * @param pathways pathway codes ({@code victim-support}, {@code domestic-abuse}, ...), at least one
 */
public record RoutingRule(String name, Set<String> categories, Set<RiskLevel> risks, Set<SubjectRole> roles,
        Integer minAge, Integer maxAge, List<String> pathways) {

    public RoutingRule {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a routing rule needs a name");
        }
        categories = categories == null ? Set.of() : Set.copyOf(categories);
        risks = risks == null ? Set.of() : Set.copyOf(risks);
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        pathways = pathways == null ? List.of() : List.copyOf(pathways);
        if (pathways.isEmpty()) {
            throw new IllegalArgumentException("routing rule '" + name + "' routes to no pathway");
        }
        if ((minAge != null && minAge < 0) || (maxAge != null && maxAge < 0)) {
            throw new IllegalArgumentException("routing rule '" + name + "' has a negative age bound");
        }
        if (minAge != null && maxAge != null && minAge > maxAge) {
            throw new IllegalArgumentException(
                    "routing rule '" + name + "' has min-age " + minAge + " above max-age " + maxAge);
        }
    }

    public boolean matches(String category, RiskLevel risk, SubjectRole role, Integer age) {
        return (categories.isEmpty() || categories.contains(category))
                && (risks.isEmpty() || (risk != null && risks.contains(risk)))
                && (roles.isEmpty() || roles.contains(role))
                && withinAgeBounds(age);
    }

    private boolean withinAgeBounds(Integer age) {
        if (minAge == null && maxAge == null) {
            return true;
        }
        return age != null
                && (minAge == null || age >= minAge)
                && (maxAge == null || age <= maxAge);
    }

    static RoutingRule of(String name, Set<String> categories, Set<RiskLevel> risks, Set<SubjectRole> roles,
            Integer minAge, Integer maxAge, String... pathways) {
        return new RoutingRule(name, categories, risks, roles, minAge, maxAge, List.of(pathways));
    }
}
