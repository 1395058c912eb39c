package org.saferkent.referrals.referral.adapter.in.web;

import java.util.ArrayList;
import java.util.List;

import org.saferkent.platform.service.InvalidRequestException;
import org.saferkent.platform.service.ProblemResponses.FieldProblem;
import org.saferkent.referrals.referral.domain.Agency;
import org.saferkent.referrals.referral.domain.Category;
import org.saferkent.referrals.referral.domain.District;
import org.saferkent.referrals.referral.domain.NewReferral;
import org.saferkent.referrals.referral.domain.Pathway;

/**
 * A referral as an agency posts it. {@code pathway} (one) or {@code pathways} (several) name where
 * it should go.
 */
public record ReferralRequest(
        String agency,
        String agencyReference,
        String district,
        String category,
        String pathway,
        List<String> pathways) {

    /** Checks every field and reports all that are wrong at once. */
    NewReferral validate() {
        List<FieldProblem> problems = new ArrayList<>();
        if (isBlank(agency)) {
            problems.add(new FieldProblem("agency", "is required"));
        } else if (!Agency.isKnown(agency)) {
            problems.add(new FieldProblem("agency", "is not a registered Kent partner agency"));
        }
        if (agencyReference != null && (agencyReference.isBlank() || agencyReference.length() > 100)) {
            problems.add(new FieldProblem("agencyReference", "must be 1 to 100 characters"));
        }
        District validDistrict = null;
        if (isBlank(district)) {
            problems.add(new FieldProblem("district", "is required"));
        } else {
            validDistrict = District.fromCode(district).orElse(null);
            if (validDistrict == null) {
                problems.add(new FieldProblem("district", "is not one of Kent's 12 districts"));
            }
        }
        if (isBlank(category)) {
            problems.add(new FieldProblem("category", "is required"));
        } else if (!Category.isKnown(category)) {
            problems.add(new FieldProblem("category", "is not a police.uk category or a recognised flag"));
        }
        List<String> requested = new ArrayList<>();
        if (pathway != null) {
            requested.add(pathway);
        }
        if (pathways != null) {
            requested.addAll(pathways);
        }
        List<Pathway> validPathways = new ArrayList<>();
        if (requested.isEmpty()) {
            problems.add(new FieldProblem("pathway", "at least one pathway is required"));
        }
        for (int i = 0; i < requested.size(); i++) {
            String code = requested.get(i);
            String field = pathway != null && i == 0 ? "pathway" : "pathways[" + (pathway != null ? i - 1 : i) + "]";
            Pathway valid = Pathway.fromCode(code).orElse(null);
            if (valid == null) {
                problems.add(new FieldProblem(field, "is not a known pathway"));
            } else if (!validPathways.contains(valid)) {
                validPathways.add(valid);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new NewReferral(agency, agencyReference, validDistrict, category, List.copyOf(validPathways));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
