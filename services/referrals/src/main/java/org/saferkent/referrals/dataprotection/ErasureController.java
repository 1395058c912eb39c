package org.saferkent.referrals.dataprotection;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.saferkent.platform.service.InvalidRequestException;
import org.saferkent.platform.service.ProblemResponses.FieldProblem;
import org.saferkent.platform.service.security.PersonalDataAudit;
import org.saferkent.platform.dataprotection.ErasureRequests;
import org.saferkent.platform.pseudonyms.Pseudonymiser;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The data protection officer's erasure requests ({@code subjects.erase}). Each names the data subject's request it
 * carries out ({@code requestReference}); who erased is taken from the token (the person signed in, or the client),
 * never from the body. Both are kept on the erasure's record, answered, and written to the audit trail. The answer is
 * 202: referrals' copy is shredded before it is sent; the services holding copies shred theirs when they hear the
 * event. Nothing personal is echoed back or logged.
 */
@RestController
@RequestMapping("/api/data-protection")
class ErasureController {

    private static final Pattern PSEUDONYM = Pattern.compile("[0-9a-f]{64}");
    /** The request reference: at most this long, checked before the pattern runs. */
    /** Letters, digits, {@code -} and {@code /}, starting with a letter or digit: linear, no backtracking. */
    private static final Pattern REFERENCE = Pattern.compile(ErasureRequests.REFERENCE_PATTERN);

    /**
     * Either {@code pseudonym}, or {@code name} and {@code dateOfBirth} (and {@code postcode} when recorded); always the
     * {@code requestReference} of the data subject's request.
     */
    record ErasureRequest(String requestReference, String pseudonym, String name, String dateOfBirth, String postcode) {
        @Override
        public String toString() {
            return "ErasureRequest[redacted]";
        }
    }

    /** What was done, by whom, under which request. */
    record ErasureView(String erasureId, String subjectPseudonym, int pseudonymsErased, long keysDestroyed, String erasedAt,
            String erasedBy, String requestReference) {
    }

    private final Erasures erasures;
    private final PersonalDataAudit audit;

    ErasureController(Erasures erasures, PersonalDataAudit audit) {
        this.erasures = erasures;
        this.audit = audit;
    }

    @PostMapping(path = "/erasures", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ErasureView> erase(@RequestBody ErasureRequest request, HttpServletRequest http) {
        Erasures.Subject subject = validate(request);
        String reference = request.requestReference();
        Erasure erasure = erasures.erase(subject, ErasureRequests.erasedBy(), reference);
        audit.personalDataErased(http, "subject-erasure", erasure.id(), "erased under request " + reference + ": "
                + erasure.keysDestroyed() + " data key(s) destroyed across " + erasure.pseudonyms().size() + " pseudonym(s)");
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new ErasureView(erasure.id(), erasure.subjectPseudonym(),
                erasure.pseudonyms().size(), erasure.keysDestroyed(), erasure.erasedAt().toString(), erasure.erasedBy(),
                erasure.requestReference()));
    }


    private static Erasures.Subject validate(ErasureRequest request) {
        if (request == null) {
            throw new InvalidRequestException(List.of(new FieldProblem("requestReference", "is required: " + ErasureRequests.REFERENCE_RULE),
                    new FieldProblem("$", "must name the subject: a pseudonym, or name and dateOfBirth")));
        }
        List<FieldProblem> problems = new ArrayList<>();
        String reference = request.requestReference();
        if (reference == null || reference.isBlank()) {
            problems.add(new FieldProblem("requestReference", "is required: " + ErasureRequests.REFERENCE_RULE));
        } else if (reference.length() > ErasureRequests.MAX_REFERENCE || !REFERENCE.matcher(reference).matches()) {
            problems.add(new FieldProblem("requestReference", "must be " + ErasureRequests.REFERENCE_RULE));
        }
        if (request.pseudonym() != null) {
            if (!PSEUDONYM.matcher(request.pseudonym()).matches()) {
                problems.add(new FieldProblem("pseudonym", "must be 64 lower-case hexadecimal characters"));
            } else if (request.name() != null || request.dateOfBirth() != null) {
                problems.add(new FieldProblem("pseudonym", "give either a pseudonym or the identifiers, not both"));
            }
            if (!problems.isEmpty()) {
                throw new InvalidRequestException(problems);
            }
            return new Erasures.Subject(request.pseudonym(), null, null, null);
        }
        if (request.name() == null || Pseudonymiser.normaliseName(request.name()).isEmpty()) {
            problems.add(new FieldProblem("name", "is required (or give a pseudonym)"));
        }
        LocalDate dateOfBirth = null;
        if (request.dateOfBirth() == null) {
            problems.add(new FieldProblem("dateOfBirth", "is required (or give a pseudonym)"));
        } else {
            try {
                dateOfBirth = LocalDate.parse(request.dateOfBirth());
            } catch (DateTimeParseException e) {
                problems.add(new FieldProblem("dateOfBirth", "must be a date, YYYY-MM-DD"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new Erasures.Subject(null, request.name(), dateOfBirth, request.postcode());
    }
}
