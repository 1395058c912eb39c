package org.saferkent.contracts.pcc;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The PCC office's own tolerant reading of a {@code commissioning.PublishedPerformance.v1} record: only
 * what its dashboard and returns use. Unknown fields are ignored (platform {@code EventJson}), so
 * commissioning may add to the feed without the office changing anything. A count or measure it is not
 * shown (disclosure control) is null, never 0, and {@code suppressed} says why.
 *
 * @param sequence the feed's order: the office keeps a cell's change only if it is newer than the one it holds
 * @param district a district, or {@code kent}: the contract's Kent total for the quarter
 */
record PccFeedEntry(long sequence, String key, String contractId, String district, String quarter, boolean removed,
        Performance performance) {

    /** @param suppressed each count or measure withheld, and why: {@code primary} or {@code secondary} */
    record Performance(String provider, String service, String financialYearQuarter, LocalDate coveredFrom,
            LocalDate coveredTo, Counts counts, Measures measures, List<Target> targets, Map<String, String> suppressed) {
    }

    /** {@code victimsSupported}: support delivered; opened, declined and unable-to-contact beside it. Null: suppressed. */
    record Counts(Long referralsRouted, Long referralsAccepted, Long referralsDeclined, Long victimsSupported,
            Long victimCasesOpened, Long victimCasesDeclined, Long victimCasesUnableToContact, long valueProRatedPence) {
    }

    record Measures(Double referralsAcceptedShare) {
    }

    /** {@code status}: green, amber, red or no-data, as commissioning assessed it (kept when the value is withheld). */
    record Target(String measure, double target, String status) {
    }
}
