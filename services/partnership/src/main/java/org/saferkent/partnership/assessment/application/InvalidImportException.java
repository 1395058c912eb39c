package org.saferkent.partnership.assessment.application;

import java.util.List;

import org.saferkent.partnership.assessment.domain.LineProblem;

/** A file with bad rows: nothing of it was stored. */
public class InvalidImportException extends RuntimeException {

    private final transient List<LineProblem> problems;
    private final int count;

    public InvalidImportException(List<LineProblem> problems, int count) {
        super(count + " bad rows");
        this.problems = List.copyOf(problems);
        this.count = count;
    }

    public List<LineProblem> problems() {
        return problems;
    }

    public int count() {
        return count;
    }
}
