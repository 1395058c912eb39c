package org.saferkent.rj;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.saferkent.rj.vocabulary.District;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What restorative justice leaves to configuration.
 *
 * @param topic               where RJ case events are published
 * @param disposalTopic       where disposal and first-time entrant events are published
 * @param referralsTopic      where referral events are read from
 * @param victimsTopic        where victim case events (a victim's opt-in) are read from
 * @param pathways            referral pathways that open an RJ case
 * @param sensitiveCategories categories and flags whose cases need a manager's approval before direct contact
 * @param youthPopulation     the 10–17 population per district, the denominator of the first-time entrant rate
 * @param pseudonymSecret     the partnership's pseudonym secret (the same as referrals'): a disposal posted with the
 *                            person's details is keyed with it into the pseudonym referrals gives the person
 * @param previousPseudonymSecrets earlier secrets, newest first: a person's history recorded under one is found again
 */
@Validated
@ConfigurationProperties("saferkent.rj")
public record RjProperties(
        @NotBlank String topic,
        @DefaultValue("rj.disposal.events") @NotBlank String disposalTopic,
        @NotBlank String referralsTopic,
        @DefaultValue("victims.case.events") @NotBlank String victimsTopic,
        @NotEmpty Set<String> pathways,
        @DefaultValue({"domestic-abuse", "sexual-offence", "stalking", "human-trafficking", "modern-slavery",
                "child-sexual-exploitation"}) Set<String> sensitiveCategories,
        @DefaultValue @Valid YouthPopulation youthPopulation,
        String pseudonymSecret,
        List<String> previousPseudonymSecrets) {

    @Override
    public String toString() {
        return "RjProperties[" + topic + ", " + disposalTopic + ", secrets redacted]";
    }

    /**
     * @param illustrative true while the figures are estimates rather than the ONS mid-year estimates
     * @param byDistrict   people aged 10–17, by district code
     */
    public record YouthPopulation(@DefaultValue("true") boolean illustrative,
            Map<String, @NotNull @Positive Integer> byDistrict) {

        /** Every district, each with a population: a missing one would make its rate meaningless. */
        public Map<String, Integer> checked() {
            Map<String, Integer> figures = byDistrict == null ? Map.of() : byDistrict;
            for (District district : District.values()) {
                Integer population = figures.get(district.code());
                if (population == null || population <= 0) {
                    throw new IllegalStateException("saferkent.rj.youth-population.by-district." + district.code()
                            + " must be set to the district's 10-17 population");
                }
            }
            return Map.copyOf(figures);
        }
    }
}
