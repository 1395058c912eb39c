package org.saferkent.partnership.dhr.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * The review panel. The chair's name stays in the service's store (never on the bus); the agencies are codes.
 *
 * @param chairName   the independent chair
 * @param chairAgency the organisation the chair comes from ({@code independent} when none): never an agency involved
 * @param members     the agencies on the panel
 */
public record Panel(String chairName, String chairAgency, List<String> members, LocalDate convenedOn) {

    public Panel {
        members = members == null ? List.of() : List.copyOf(members);
    }
}
