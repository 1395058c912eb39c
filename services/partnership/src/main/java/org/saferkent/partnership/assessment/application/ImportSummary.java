package org.saferkent.partnership.assessment.application;

import java.util.List;

/**
 * What an import did: its id (the SHA-256 of the file), the rows read and counted, the rows outside Kent by the
 * authority of their LSOA name, the months it covers, and whether it had been imported before (then nothing changed).
 */
public record ImportSummary(String importId, int rows, int counted, List<Outside> outsideKent, List<String> months,
        boolean alreadyImported) {

    /** Rows not counted: outside Kent's twelve districts, or with no location ("no location"). */
    public record Outside(String area, int rows) {
    }
}
