package org.saferkent.referrals.referral.domain;

import java.util.List;

/** DASH checklist answers as submitted: {@code police} (27 questions) or {@code safelives} (24). */
public record Dash(String checklist, List<Boolean> answers, String professionalJudgement) {
}
