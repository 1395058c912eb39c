package org.saferkent.victims.victimcase.domain;

import java.util.List;

/** The case's rules refuse the request; each problem names the field at fault. Nothing was changed. */
public class RuleViolation extends RuntimeException {

    /** One offending field and what is wrong with it; never quotes a value. */
    public record Problem(String field, String message) {
    }

    private final transient List<Problem> problems;

    public RuleViolation(List<Problem> problems) {
        super(problems.size() + " rule(s) broken");
        this.problems = List.copyOf(problems);
    }

    public static RuleViolation of(String field, String message) {
        return new RuleViolation(List.of(new Problem(field, message)));
    }

    public List<Problem> problems() {
        return problems;
    }
}
