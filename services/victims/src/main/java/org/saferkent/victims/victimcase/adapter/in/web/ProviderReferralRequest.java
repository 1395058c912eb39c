package org.saferkent.victims.victimcase.adapter.in.web;

import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.saferkent.platform.service.RequestProblems;

/** A referral on to a provider's service (names of organisations and services, not of people). */
record ProviderReferralRequest(
        @NotBlank(message = "is required") @Size(max = MAX_LENGTH, message = "must be at most {max} characters") String provider,
        @NotBlank(message = "is required") @Size(max = MAX_LENGTH, message = "must be at most {max} characters") String service) {

    static final int MAX_LENGTH = 200;

    CaseDecision validate(Validator validator) {
        RequestProblems.of(validator, this).throwIfAny();
        return (victimCase, now) -> victimCase.referToProvider(provider.strip(), service.strip(), now);
    }
}
