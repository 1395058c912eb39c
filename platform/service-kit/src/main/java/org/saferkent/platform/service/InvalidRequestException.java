package org.saferkent.platform.service;

import java.util.List;

/** A request that breaks the rules, with every offending field: answered with a 422 problem. */
public class InvalidRequestException extends RuntimeException {

    private final transient List<ProblemResponses.FieldProblem> problems;

    public InvalidRequestException(List<ProblemResponses.FieldProblem> problems) {
        super(problems.size() + " invalid field(s)");
        this.problems = List.copyOf(problems);
    }

    public static InvalidRequestException of(String field, String message) {
        return new InvalidRequestException(List.of(new ProblemResponses.FieldProblem(field, message)));
    }

    public List<ProblemResponses.FieldProblem> problems() {
        return problems;
    }
}
