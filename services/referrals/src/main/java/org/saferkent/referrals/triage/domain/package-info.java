/**
 * The referrals service's triage rules as plain Java: DASH risk scoring, MARAC screening, keyed
 * pseudonyms for matching subjects, duplicate detection across agencies, pathway routing and age
 * bands. No framework types: every threshold arrives as a configuration record whose
 * {@code defaults()} carries the standard's value, so the wiring layer can bind it from
 * {@code application.yml}.
 */
package org.saferkent.referrals.triage.domain;
