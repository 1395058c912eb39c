package org.saferkent.partnership.assessment.domain;

import org.saferkent.partnership.vocabulary.District;

/** One cell of the assessment's counts: a district's crimes of one police.uk category in one month. */
public record Cell(District district, int year, int month, PoliceUkCategory category) {
}
