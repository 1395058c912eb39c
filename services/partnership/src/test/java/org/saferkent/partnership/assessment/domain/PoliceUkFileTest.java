package org.saferkent.partnership.assessment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.saferkent.partnership.vocabulary.District;

class PoliceUkFileTest {

    static final String HEADER = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,"
            + "Crime type,Last outcome category,Context";

    static String row(String month, String lsoaName, String crimeType) {
        return "abc123," + month + ",Kent Police,Kent Police,0.52,51.27,On or near High Street,E01024400," + lsoaName + ","
                + crimeType + ",Under investigation,";
    }

    @Test
    void rowsAreCountedPerDistrictMonthAndCategoryAndRowsOutsideKentReported() {
        String csv = String.join("\n", HEADER, row("2025-03", "Maidstone 012A", "Burglary"),
                row("2025-03", "Maidstone 001B", "Burglary"), row("2025-04", "Swale 003A", "Anti-social behaviour"),
                row("2025-03", "Medway 021B", "Burglary"), ",2025-03,Kent Police,Kent Police,,,No location,,,Drugs,,",
                "\"x,1\",2025-03,Kent Police,Kent Police,0.5,51.2,\"On or near \"\"The Street\"\"\",E0,Dover 001A,Drugs,,", "");

        PoliceUkFile.Parsed parsed = PoliceUkFile.parse(csv, 100);

        assertThat(parsed.valid()).isTrue();
        assertThat(parsed.rows()).isEqualTo(6);
        assertThat(parsed.counted()).isEqualTo(4);
        assertThat(parsed.counts()).containsEntry(new Cell(District.MAIDSTONE, 2025, 3, PoliceUkCategory.BURGLARY), 2)
                .containsEntry(new Cell(District.SWALE, 2025, 4, PoliceUkCategory.ANTI_SOCIAL_BEHAVIOUR), 1)
                .containsEntry(new Cell(District.DOVER, 2025, 3, PoliceUkCategory.DRUGS), 1);
        assertThat(parsed.outsideKent()).containsEntry("Medway", 1).containsEntry("no location", 1);
    }

    @Test
    void badRowsAreNamedByLineAndColumnAndNothingIsCounted() {
        String csv = String.join("\r\n", HEADER, row("2025-03", "Maidstone 012A", "Burglary"),
                row("March 2025", "Maidstone 012A", "Jaywalking"), "too,few,columns");

        PoliceUkFile.Parsed parsed = PoliceUkFile.parse(csv, 100);

        assertThat(parsed.valid()).isFalse();
        assertThat(parsed.problems()).extracting(LineProblem::field)
                .containsExactly("line 3: Month", "line 3: Crime type", "line 4: $");
    }

    @Test
    void aFileWithoutThePoliceUkColumnsIsRefusedOnItsHeader() {
        PoliceUkFile.Parsed parsed = PoliceUkFile.parse("a,b,c\n1,2,3", 100);
        assertThat(parsed.problems()).extracting(LineProblem::field)
                .containsExactly("line 1: Month", "line 1: LSOA name", "line 1: Crime type");
    }

    @Test
    void moreRowsThanTheBoundAreRefused() {
        String csv = String.join("\n", HEADER, row("2025-03", "Dover 001A", "Drugs"), row("2025-03", "Dover 001A", "Drugs"));
        assertThatThrownBy(() -> PoliceUkFile.parse(csv, 1)).isInstanceOf(PoliceUkFile.TooManyRows.class);
    }
}
