package org.saferkent.partnership.assessment.domain;

/** A bad row of an imported file: its line number (the header is line 1), the column, and what is wrong. Never the value. */
public record LineProblem(int line, String column, String message) {

    /** How a problem names it: {@code line 3: Month}. */
    public String field() {
        return "line " + line + ": " + column;
    }
}
