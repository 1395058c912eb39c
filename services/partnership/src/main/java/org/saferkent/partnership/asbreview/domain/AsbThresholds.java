package org.saferkent.partnership.asbreview.domain;

import java.util.Map;

import org.saferkent.partnership.vocabulary.District;

/**
 * The ASB case review threshold (the community trigger, Anti-social Behaviour, Crime and Policing Act 2014 s.104
 * and Schedule 4): the number of complaints about the same problem within the last six months at or above which an
 * application meets it. The relevant bodies set it; the default is three, and a district's partnership may set a
 * lower one (never higher: the threshold may not exceed three complaints in six months).
 */
public final class AsbThresholds {

    /** The threshold the guidance names: three complaints in the period. */
    public static final int DEFAULT = 3;
    /** The period the complaints are counted over. */
    public static final int MONTHS = 6;

    private final int countyThreshold;
    private final Map<District, Integer> lowerByDistrict;

    public AsbThresholds(int countyThreshold, Map<District, Integer> lowerByDistrict) {
        if (countyThreshold < 1 || countyThreshold > DEFAULT) {
            throw new IllegalArgumentException("the threshold must be from 1 to " + DEFAULT + " complaints, was " + countyThreshold);
        }
        lowerByDistrict.forEach((district, threshold) -> {
            if (threshold == null || threshold < 1 || threshold > countyThreshold) {
                throw new IllegalArgumentException(district.code() + "'s threshold must be from 1 to " + countyThreshold
                        + " complaints (a district may only set a lower one), was " + threshold);
            }
        });
        this.countyThreshold = countyThreshold;
        this.lowerByDistrict = Map.copyOf(lowerByDistrict);
    }

    public static AsbThresholds statutoryDefault() {
        return new AsbThresholds(DEFAULT, Map.of());
    }

    public int thresholdFor(District district) {
        return lowerByDistrict.getOrDefault(district, countyThreshold);
    }

    /** Whether {@code complaints} about the same problem in the last six months meet the district's threshold. */
    public boolean met(District district, int complaints) {
        return complaints >= thresholdFor(district);
    }
}
