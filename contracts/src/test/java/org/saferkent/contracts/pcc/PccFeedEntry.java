package org.saferkent.contracts.pcc;

import java.time.LocalDate;
import java.util.List;

/**
 * The PCC office's own tolerant reading of a {@code commissioning.PerformanceSnapshot.v1} record: only
 * what its dashboard and returns use. Unknown fields are ignored (platform {@code EventJson}), so
 * commissioning may add to the feed without the office changing anything.
 *
 * @param sequence the feed's order: the office keeps a cell's change only if it is newer than the one it holds
 */
record PccFeedEntry(long sequence, String key, String contractId, String district, String quarter, boolean removed,
        Performance performance) {

    record Performance(String provider, String service, String financialYearQuarter, LocalDate coveredFrom,
            LocalDate coveredTo, Counts counts, Measures measures, List<Target> targets) {
    }

    /** {@code victimsSupported}: support delivered; opened, declined and unable-to-contact beside it. */
    record Counts(long referralsRouted, long referralsAccepted, long victimsSupported, long victimCasesOpened,
            long victimCasesDeclined, long victimCasesUnableToContact, long valueProRatedPence) {
    }

    record Measures(Double referralsAcceptedShare) {
    }

    /** {@code status}: green, amber, red or no-data, as commissioning assessed it. */
    record Target(String measure, double target, String status) {
    }
}
