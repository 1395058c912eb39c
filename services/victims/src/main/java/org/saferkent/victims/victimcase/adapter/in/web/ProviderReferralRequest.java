package org.saferkent.victims.victimcase.adapter.in.web;

/** A referral on to a provider's service (names of organisations and services, not of people). */
record ProviderReferralRequest(String provider, String service) {

    static final int MAX_LENGTH = 200;

    CaseDecision validate() {
        FieldProblems problems = new FieldProblems();
        if (problems.required("provider", provider)) {
            problems.maxLength("provider", provider, MAX_LENGTH);
        }
        if (problems.required("service", service)) {
            problems.maxLength("service", service, MAX_LENGTH);
        }
        problems.throwIfAny();
        return (victimCase, now) -> victimCase.referToProvider(provider.strip(), service.strip(), now);
    }
}
