package org.saferkent.partnership.agreement.domain;

/** A priority of the agreement: a code (what events and actions name) and its title. */
public record Priority(String code, String title) {
}
