package org.saferkent.partnership.assessment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.saferkent.partnership.vocabulary.District;

class KentLsoaTest {

    @Test
    void theDistrictIsTheAuthorityOfTheLsoaName() {
        assertThat(KentLsoa.district("Maidstone 012A")).contains(District.MAIDSTONE);
        assertThat(KentLsoa.district("Tunbridge Wells 003C")).contains(District.TUNBRIDGE_WELLS);
        assertThat(KentLsoa.district("Tonbridge and Malling 014E")).contains(District.TONBRIDGE_AND_MALLING);
        assertThat(KentLsoa.district("Folkestone and Hythe 001A")).contains(District.FOLKESTONE_AND_HYTHE);
        assertThat(KentLsoa.district("Shepway 007B")).as("the 2011 name of Folkestone and Hythe")
                .contains(District.FOLKESTONE_AND_HYTHE);
        assertThat(KentLsoa.district("Gravesham 010D")).contains(District.GRAVESHAM);
    }

    @Test
    void placesOutsideKentsTwelveDistrictsAndMissingLocationsHaveNone() {
        assertThat(KentLsoa.district("Medway 021B")).as("a unitary authority, not one of the twelve").isEmpty();
        assertThat(KentLsoa.district("Bromley 001A")).isEmpty();
        assertThat(KentLsoa.district("")).isEmpty();
        assertThat(KentLsoa.district(null)).isEmpty();
        assertThat(KentLsoa.authority("Medway 021B")).isEqualTo("Medway");
    }
}
