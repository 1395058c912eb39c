package org.saferkent.platform.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintDefinitionException;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.ValidationException;
import jakarta.validation.constraints.NotBlank;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.saferkent.platform.service.OneOf.Blank;
import org.saferkent.platform.service.ProblemResponses.FieldProblem;

class OneOfTest {

    /** A service's own vocabulary: package-private, as the services write theirs. */
    static final class Counties implements Vocabulary {

        private static final Set<String> CODES = Set.of("kent", "east-sussex");

        @Override
        public boolean contains(String code) {
            return CODES.contains(code.trim());
        }

        @Override
        public String refusal() {
            return "is not a county {of the south east}"; // taken literally, braces and all
        }
    }

    enum ContactChannel { PHONE, EMAIL, TEXT_MESSAGE }

    record Request(@OneOf(value = Counties.class, blank = Blank.ALLOWED) String county,
            @OneOf(value = Counties.class, blank = Blank.REFUSED) String filter,
            @NotBlank(message = "is required") @OneOf(value = ContactChannel.class, blank = Blank.ALLOWED) String channel,
            @OneOf(value = ContactChannel.class, blank = Blank.REFUSED) String preferred) {
    }

    record Misdeclared(@OneOf(value = String.class, blank = Blank.ALLOWED) String code) {
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
    void aCodeOfTheVocabularyPassesAnEnumsInAnyCaseWithSpacesAround() {
        assertThat(problems(new Request("kent", "east-sussex", "phone", " Text-Message "))).isEmpty();
    }

    @Test
    void anUnknownCodeIsToldTheVocabularysRefusalAnEnumsListingEveryCode() {
        assertThat(problems(new Request("atlantis", "kent", "pigeon", "fax"))).containsExactly(
                new FieldProblem("county", "is not a county {of the south east}"),
                new FieldProblem("channel", "must be phone, email or text-message"),
                new FieldProblem("preferred", "must be phone, email or text-message"));
    }

    @Test
    void blankPassesWhereTheUseAllowsItAndIsRefusedWhereNot() {
        assertThat(problems(new Request(" ", "", "", "  "))).containsExactly(
                new FieldProblem("filter", "is not a county {of the south east}"),
                new FieldProblem("channel", "is required"),
                new FieldProblem("preferred", "must be phone, email or text-message"));
    }

    /**
     * A value longer than any code is refused as it is, never lower-cased: 600,000 'İ' (U+0130), which toLowerCase turns
     * into 1.2 million characters copying its result again at each one, held a request thread for minutes.
     */
    @Test
    void aValueLongerThanAnyCodeIsRefusedWithoutBeingLowerCased() {
        String dotted = "İ".repeat(600_000);
        assertThat(problems(new Request(dotted, "kent", dotted, " " + "phone".repeat(20) + " "))).containsExactly(
                new FieldProblem("county", "is not a county {of the south east}"),
                new FieldProblem("channel", "must be phone, email or text-message"),
                new FieldProblem("preferred", "must be phone, email or text-message"));
        assertThat(problems(new Request("kent", "kent", " ".repeat(40) + "Phone" + " ".repeat(40), null))).isEmpty();
    }

    @Test
    void nullIsLeftToTheRequiredRules() {
        assertThat(problems(new Request(null, null, null, null))).containsExactly(new FieldProblem("channel", "is required"));
    }

    @Test
    void aVocabularyThatIsNeitherAnEnumNorAVocabularyIsAMistakeInTheCodeNotInTheRequest() {
        assertThatThrownBy(() -> validator.validate(new Misdeclared("x"))).isInstanceOf(ValidationException.class)
                .hasStackTraceContaining(ConstraintDefinitionException.class.getName())
                .hasStackTraceContaining("neither an enum nor a");
    }

    private static List<FieldProblem> problems(Object request) {
        try {
            RequestProblems.of(validator, request).throwIfAny();
            return List.of();
        } catch (InvalidRequestException e) {
            return e.problems();
        }
    }
}
