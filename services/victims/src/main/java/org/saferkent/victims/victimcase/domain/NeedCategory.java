package org.saferkent.victims.victimcase.domain;

/**
 * The eight categories of need of the MoJ Victims' Services Commissioning Framework (2013); codes
 * such as {@code mental-physical-health} (see {@link Codes}).
 */
public enum NeedCategory {
    MENTAL_PHYSICAL_HEALTH,
    SHELTER_ACCOMMODATION,
    FAMILY_FRIENDS_CHILDREN,
    EDUCATION_SKILLS_EMPLOYMENT,
    DRUGS_ALCOHOL,
    FINANCE_BENEFITS,
    OUTLOOK_ATTITUDES,
    SOCIAL_INTERACTION
}
