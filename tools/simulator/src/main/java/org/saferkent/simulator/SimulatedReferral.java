package org.saferkent.simulator;

import java.util.List;
import java.util.Map;

/**
 * One referral as an agency posts it ({@link #body()}, the JSON of {@code POST /api/referrals}), with
 * what the simulator knows about it: which agency sends it (its token), and the shape drawn for it, so
 * that tests and reports can check the mix.
 *
 * @param duplicateOf the sequence number of the referral this one duplicates (another agency, same
 *                    person, same incident), or -1
 * @param repeat      the subject was referred before
 */
public record SimulatedReferral(long sequence, String agency, String district, String category, String role,
        List<String> pathways, String dashBand, boolean override, boolean repeat, long duplicateOf,
        Map<String, Object> body) {

    public boolean duplicate() {
        return duplicateOf >= 0;
    }

    public String agencyReference() {
        return (String) body.get("agencyReference");
    }

    @Override
    public String toString() {
        return "SimulatedReferral[" + sequence + ", " + agency + ", " + district + ", " + category + "]"; // no personal data
    }
}
