package org.saferkent.rj.rjcase.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which cases need particular care: domestic abuse, sexual violence ({@code sexual-offence}), stalking,
 * trafficking ({@code human-trafficking}) and child sexual exploitation always, and whatever else is configured
 * (Kent adds modern slavery), found in the case's category or flags. Such a case needs a manager's approval
 * before the parties have direct contact.
 */
public record DirectContactPolicy(Set<String> sensitiveCategories) {

    /** Always sensitive, whatever the configuration: it can add categories, not remove these. */
    public static final Set<String> ALWAYS = Set.of("domestic-abuse", "sexual-offence", "stalking", "human-trafficking",
            "child-sexual-exploitation");

    public static final Set<String> KENT_DEFAULT = Set.of("domestic-abuse", "sexual-offence", "stalking",
            "human-trafficking", "modern-slavery", "child-sexual-exploitation");

    public DirectContactPolicy {
        Set<String> all = new LinkedHashSet<>(ALWAYS);
        all.addAll(sensitiveCategories == null ? Set.of() : sensitiveCategories);
        sensitiveCategories = Set.copyOf(all);
    }

    /** The sensitive categories among the case's category and flags, in the order given. */
    public List<String> sensitivities(String category, List<String> flags) {
        Set<String> found = new LinkedHashSet<>();
        if (category != null && sensitiveCategories.contains(category)) {
            found.add(category);
        }
        for (String flag : flags == null ? List.<String>of() : flags) {
            if (sensitiveCategories.contains(flag)) {
                found.add(flag);
            }
        }
        return List.copyOf(new ArrayList<>(found));
    }
}
