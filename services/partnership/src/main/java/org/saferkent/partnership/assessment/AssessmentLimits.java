package org.saferkent.partnership.assessment;

/** The bounds of one import. */
public record AssessmentLimits(long maxBytes, int maxRows) {
}
