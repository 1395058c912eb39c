package org.saferkent.partnership.assessment.adapter.in.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;

import org.saferkent.partnership.assessment.AssessmentLimits;
import org.saferkent.partnership.assessment.application.ImportSummary;
import org.saferkent.partnership.assessment.application.ImportTooLargeException;
import org.saferkent.partnership.assessment.application.InvalidImportException;
import org.saferkent.partnership.assessment.application.StrategicAssessments;
import org.saferkent.partnership.assessment.application.StrategicAssessments.CountyAssessment;
import org.saferkent.partnership.assessment.application.StrategicAssessments.DistrictAssessment;
import org.saferkent.partnership.vocabulary.District;
import org.saferkent.partnership.web.KentDistricts;
import org.saferkent.partnership.web.Year;
import org.saferkent.platform.service.OneOf;
import org.saferkent.platform.service.OneOf.Blank;
import org.saferkent.platform.service.ProblemResponses;
import org.saferkent.platform.service.ProblemResponses.FieldProblem;
import org.saferkent.platform.service.RequestProblems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The strategic assessment: crime and ASB counts per district and year by police.uk category and month, from the
 * police.uk files analysts import and from the referrals received; year-on-year change; the county by CSP. Every
 * figure is published through disclosure control.
 */
@RestController
@RequestMapping("/api/partnership/assessments")
class AssessmentController {

    private final StrategicAssessments assessments;
    private final AssessmentLimits limits;
    private final Validator validator;

    AssessmentController(StrategicAssessments assessments, AssessmentLimits limits, Validator validator) {
        this.assessments = assessments;
        this.limits = limits;
        this.validator = validator;
    }

    /** A district's year: police.uk's street-level data starts in 2011. */
    record DistrictYearQuery(@NotBlank(message = "is required") @OneOf(value = KentDistricts.class, blank = Blank.ALLOWED) String district,
            @NotBlank(message = "is required") @Year(from = 2011) String year) {
    }

    record YearQuery(@NotBlank(message = "is required") @Year(from = 2011) String year) {
    }

    /** Imports a police.uk street-level file: 201 when new, 200 when the same file was imported before (nothing changes). */
    @PostMapping(path = "/imports", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ImportSummary> importFile(@RequestBody(required = false) ImportRequest request) {
        ImportRequest body = RequestProblems.body(request);
        RequestProblems.of(validator, body).throwIfAny();
        if (body.csv().length() > limits.maxBytes() || body.csv().getBytes(StandardCharsets.UTF_8).length > limits.maxBytes()) {
            throw new ImportTooLargeException("the file is larger than " + limits.maxBytes() + " bytes");
        }
        ImportSummary summary = assessments.importFile(body.csv(), limits.maxRows());
        if (summary.alreadyImported()) {
            return ResponseEntity.ok(summary);
        }
        return ResponseEntity.created(URI.create("/api/partnership/assessments/imports/" + summary.importId())).body(summary);
    }

    /** A district's year: counts by category and month from each source, totals, and the change from the year before. */
    @GetMapping
    DistrictAssessment district(@RequestParam(required = false) String district, @RequestParam(required = false) String year) {
        RequestProblems.of(validator, new DistrictYearQuery(district, year)).throwIfAny();
        return assessments.district(District.fromCode(district).orElseThrow(), Year.Check.parse(year));
    }

    /** The county's year by CSP (Dartford and Gravesham as one). */
    @GetMapping("/county")
    CountyAssessment county(@RequestParam(required = false) String year) {
        RequestProblems.of(validator, new YearQuery(year)).throwIfAny();
        return assessments.county(Year.Check.parse(year));
    }

    @ExceptionHandler(InvalidImportException.class)
    ResponseEntity<ProblemDetail> invalidImport(InvalidImportException e) {
        var problems = e.problems().stream().map(p -> new FieldProblem(p.field(), p.message())).toList();
        ResponseEntity<ProblemDetail> response = ProblemResponses.problem(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid file",
                "The file has " + e.count() + " bad row(s)" + (e.count() > problems.size() ? ", the first " + problems.size()
                        + " listed" : "") + "; nothing of it was imported.");
        response.getBody().setProperty("errors", problems);
        return response;
    }

    @ExceptionHandler(ImportTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(ImportTooLargeException e) {
        return ProblemResponses.problem(HttpStatus.CONTENT_TOO_LARGE, "File too large",
                "An import takes at most " + limits.maxBytes() + " bytes and " + limits.maxRows() + " rows: "
                        + e.getMessage() + ". Nothing was imported.");
    }
}
