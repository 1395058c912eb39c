package org.saferkent.platform.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.saferkent.platform.service.ProblemResponses.FieldProblem;

class RequestProblemsTest {

    record Subject(@NotBlank(message = "is required") String name, @Size(max = 3, message = "must be at most {max} characters")
            @Pattern(regexp = "[a-z]*", message = "must be lowercase") String code) {
    }

    record Request(@NotBlank(message = "is required") @Size(max = 5, message = "must be at most {max} characters") String first,
            @NotNull(message = "is required") @Valid Subject subject,
            @Size(max = 2, message = "must hold at most {max} values") List<@Pattern(regexp = "[a-z]+", message = "is not a code") String> codes,
            String last) {
    }

    record Needs(Map<String, @Pattern(regexp = "low|high", message = "must be low or high") String> needs) {
    }

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void validator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @Test
    void constraintsAndCodeRulesAreAnsweredTogetherInTheRequestsFieldOrderNamedAsTheClientWroteThem() {
        RequestProblems problems = RequestProblems.of(validator,
                new Request(null, new Subject(" ", "ok"), List.of("fine", "Not Fine"), "x"));
        problems.add("last", "must be left out");

        assertThat(thrown(problems)).containsExactly(new FieldProblem("first", "is required"),
                new FieldProblem("subject.name", "is required"), new FieldProblem("codes[1]", "is not a code"),
                new FieldProblem("last", "must be left out"));
    }

    @Test
    void eachFieldIsNamedOnceRequiredOrLengthFirstAndNothingInsideAFieldThatHasAProblem() {
        RequestProblems problems = RequestProblems.of(validator,
                new Request("", new Subject("n", "LONGER"), List.of("A", "B", "C"), null));

        assertThat(thrown(problems)).containsExactly(new FieldProblem("first", "is required"),
                new FieldProblem("subject.code", "must be at most 3 characters"), new FieldProblem("codes", "must hold at most 2 values"));
    }

    @Test
    void aRuleInCodeCanAskWhetherTheFieldsItReadsPassedTheirConstraints() {
        RequestProblems problems = RequestProblems.of(validator, new Request("toolong", null, null, null));

        assertThat(problems.isValid("first")).isFalse();
        assertThat(problems.isValid("subject")).isFalse();
        assertThat(problems.isValid("codes")).isTrue();
    }

    @Test
    void aValidRequestThrowsNothingAndAMissingBodyIsOneProblem() {
        RequestProblems.of(validator, new Request("a", new Subject("n", "ab"), List.of(), null)).throwIfAny();

        assertThatThrownBy(() -> RequestProblems.of(validator, null)).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.problems()).containsExactly(new FieldProblem("$", "is required: a JSON object")));
    }

    @Test
    void aMapsEntryIsNamedLikeAProperty() {
        RequestProblems problems = RequestProblems.of(validator, new Needs(Map.of("housing", "urgent")));

        assertThat(thrown(problems)).containsExactly(new FieldProblem("needs.housing", "must be low or high"));
    }

    /**
     * A list of more items than any request has (a hostile body: 100,000 bad codes) is refused as one problem before its
     * items are validated, at any depth of the request's records and maps.
     */
    @Test
    void aListOfMoreItemsThanAnyRequestHasIsOneProblemBeforeItsItemsAreValidated() {
        List<String> huge = java.util.Collections.nCopies(100_000, "NOT A CODE");
        assertThat(problems(() -> RequestProblems.of(validator, new Request("a", new Subject("n", "ab"), huge, null))))
                .containsExactly(new FieldProblem("codes", "must hold at most " + RequestProblems.MAX_ITEMS + " items"));
        record Outer(List<Needs> all) {
        }
        Map<String, String> many = new java.util.HashMap<>();
        for (int i = 0; i <= RequestProblems.MAX_ITEMS; i++) {
            many.put("need" + i, "x");
        }
        assertThat(problems(() -> RequestProblems.of(validator, new Outer(List.of(new Needs(Map.of()), new Needs(many))))))
                .containsExactly(new FieldProblem("all[1].needs", "must hold at most " + RequestProblems.MAX_ITEMS + " items"));
        // as many as allowed: validated item by item as before
        List<String> allowed = java.util.Collections.nCopies(RequestProblems.MAX_ITEMS, "BAD");
        assertThat(RequestProblems.of(validator, new Request("a", new Subject("n", "ab"), allowed, null)).isValid("codes")).isFalse();
    }

    @Test
    void aValueIsNeverQuoted() {
        RequestProblems problems = RequestProblems.of(validator, new Request("Jane Doe", new Subject("n", "Doe"), null, null));

        assertThat(thrown(problems).toString()).doesNotContain("Jane").doesNotContain("Doe");
    }

    private static List<FieldProblem> problems(Runnable call) {
        try {
            call.run();
        } catch (InvalidRequestException e) {
            return e.problems();
        }
        throw new AssertionError("no problem thrown");
    }

    private static List<FieldProblem> thrown(RequestProblems problems) {
        try {
            problems.throwIfAny();
        } catch (InvalidRequestException e) {
            return e.problems();
        }
        throw new AssertionError("no problem thrown");
    }
}
