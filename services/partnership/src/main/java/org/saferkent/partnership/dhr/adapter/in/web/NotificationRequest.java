package org.saferkent.partnership.dhr.adapter.in.web;

import java.time.LocalDate;
import java.util.List;

import org.saferkent.partnership.dhr.application.PersonalDetails;
import org.saferkent.partnership.vocabulary.Agencies;
import org.saferkent.partnership.web.FieldChecks;

/**
 * A death notified to the partnership. {@code agenciesInvolved} by agency code. The personal details
 * ({@code victimName}, {@code perpetratorName}, {@code dateOfDeath}) are optional and stay in the service, sealed.
 */
record NotificationRequest(String district, LocalDate notifiedOn, List<String> agenciesInvolved, String victimName,
        String perpetratorName, LocalDate dateOfDeath) {

    void validate(FieldChecks checks, LocalDate today) {
        checks.district("district", district);
        checks.pastDate("notifiedOn", notifiedOn, today);
        agencies(checks, "agenciesInvolved", agenciesInvolved, false);
        checks.maxLength("victimName", victimName, FieldChecks.MAX_NAME);
        checks.maxLength("perpetratorName", perpetratorName, FieldChecks.MAX_NAME);
        if (dateOfDeath != null && dateOfDeath.isAfter(today)) {
            checks.add("dateOfDeath", "must not be in the future");
        }
    }

    PersonalDetails personalDetails() {
        return new PersonalDetails(blankToNull(victimName), blankToNull(perpetratorName), dateOfDeath);
    }

    /** A required, non-empty list of known agency codes. */
    static void agencies(FieldChecks checks, String field, List<String> codes, boolean allowEmpty) {
        if (codes == null || codes.isEmpty() && !allowEmpty) {
            checks.add(field, "must name at least one agency");
            return;
        }
        if (codes.size() > FieldChecks.MAX_LIST) {
            checks.add(field, "must name at most " + FieldChecks.MAX_LIST + " agencies");
            return;
        }
        for (int i = 0; i < codes.size(); i++) {
            if (!Agencies.isKnown(codes.get(i))) {
                checks.add(field + "[" + i + "]", "is not a known agency code");
            }
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
