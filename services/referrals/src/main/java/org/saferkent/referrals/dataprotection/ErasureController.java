package org.saferkent.referrals.dataprotection;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.saferkent.platform.service.InvalidRequestException;
import org.saferkent.platform.service.ProblemResponses.FieldProblem;
import org.saferkent.platform.pseudonyms.Pseudonymiser;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The data protection officer's erasure requests ({@code subjects.erase}). The answer is 202: referrals'
 * copy is shredded before it is sent; the services holding copies shred theirs when they hear the event.
 * Nothing personal is echoed back or logged.
 */
@RestController
@RequestMapping("/api/data-protection")
class ErasureController {

    private static final Pattern PSEUDONYM = Pattern.compile("[0-9a-f]{64}");

    /** Either {@code pseudonym}, or {@code name} and {@code dateOfBirth} (and {@code postcode} when recorded). */
    record ErasureRequest(String pseudonym, String name, String dateOfBirth, String postcode) {
        @Override
        public String toString() {
            return "ErasureRequest[redacted]";
        }
    }

    record ErasureView(String erasureId, String subjectPseudonym, int pseudonymsErased, long keysDestroyed, String erasedAt) {
    }

    private final Erasures erasures;

    ErasureController(Erasures erasures) {
        this.erasures = erasures;
    }

    @PostMapping(path = "/erasures", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ErasureView> erase(@RequestBody ErasureRequest request) {
        Erasure erasure = erasures.erase(validate(request));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new ErasureView(erasure.id(), erasure.subjectPseudonym(),
                erasure.pseudonyms().size(), erasure.keysDestroyed(), erasure.erasedAt().toString()));
    }

    private static Erasures.Subject validate(ErasureRequest request) {
        if (request == null) {
            throw InvalidRequestException.of("$", "must name the subject: a pseudonym, or name and dateOfBirth");
        }
        if (request.pseudonym() != null) {
            if (!PSEUDONYM.matcher(request.pseudonym()).matches()) {
                throw InvalidRequestException.of("pseudonym", "must be 64 lower-case hexadecimal characters");
            }
            if (request.name() != null || request.dateOfBirth() != null) {
                throw InvalidRequestException.of("pseudonym", "give either a pseudonym or the identifiers, not both");
            }
            return new Erasures.Subject(request.pseudonym(), null, null, null);
        }
        List<FieldProblem> problems = new ArrayList<>();
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
