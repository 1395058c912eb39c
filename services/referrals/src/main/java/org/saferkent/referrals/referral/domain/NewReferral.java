package org.saferkent.referrals.referral.domain;

import java.util.List;

/** A validated request for a new referral. */
public record NewReferral(String agency, String agencyReference, District district, String category, List<Pathway> pathways) {
}
