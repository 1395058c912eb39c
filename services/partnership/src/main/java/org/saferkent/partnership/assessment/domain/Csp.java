package org.saferkent.partnership.assessment.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.saferkent.partnership.vocabulary.District;

/** Kent's eleven Community Safety Partnerships over its twelve districts: Dartford and Gravesham are one. */
public final class Csp {

    private Csp() {
    }

    /** Each CSP with its districts, in the order of the districts. */
    public static Map<String, List<District>> all() {
        Map<String, List<District>> csps = new LinkedHashMap<>();
        for (District district : District.values()) {
            csps.computeIfAbsent(district.csp(), csp -> new ArrayList<>()).add(district);
        }
        csps.replaceAll((csp, districts) -> List.copyOf(districts));
        return csps;
    }
}
