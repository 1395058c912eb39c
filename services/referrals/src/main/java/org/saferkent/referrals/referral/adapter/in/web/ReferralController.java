package org.saferkent.referrals.referral.adapter.in.web;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Validator;

import org.saferkent.platform.dataprotection.PersonalDataErasedException;
import org.saferkent.platform.service.InvalidRequestException;
import org.saferkent.platform.service.ProblemResponses;
import org.saferkent.platform.service.ProblemResponses.FieldProblem;
import org.saferkent.platform.service.security.Caller;
import org.saferkent.platform.service.security.ClientRateLimits;
import org.saferkent.platform.service.security.PersonalDataAudit;
import org.saferkent.referrals.referral.adapter.out.persistence.PersonalDetailsStore;
import org.saferkent.referrals.referral.application.ReferralIntake;
import org.saferkent.referrals.referral.application.ReferralQueries;
import org.saferkent.referrals.referral.application.SubjectLinks;
import org.saferkent.referrals.referral.domain.District;
import org.saferkent.referrals.referral.domain.PersonalDetails;
import org.saferkent.referrals.referral.domain.NewReferral;
import org.saferkent.referrals.referral.domain.Referral;
import org.saferkent.referrals.referral.domain.ReferralStatus;
import org.saferkent.referrals.triage.domain.SubjectRole;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/referrals")
class ReferralController {

    private static final int MAX_PAGE_SIZE = 200;
    /** The audit trail's name for a read of a referral's links and MARAC history. */
    static final String SAFEGUARDING_RESOURCE = "referral-safeguarding";
    static final String SAFEGUARDING_PURPOSE = "safeguarding";

    /** A batch as an agency's nightly export posts it. */
    record BatchRequest(List<ReferralRequest> referrals) {
    }

    /**
     * One item's result: created, replayed (seen before) or invalid, with its problems (at most
     * {@link ProblemResponses#MAX_FIELD_PROBLEMS}; {@code moreErrors} counts those left out).
     */
    record BatchItemResult(int index, String result, String id, List<FieldProblem> errors, int moreErrors) {

        BatchItemResult(int index, String result, String id, List<FieldProblem> errors) {
            this(index, result, id, ProblemResponses.firstProblems(errors),
                    Math.max(0, errors.size() - ProblemResponses.MAX_FIELD_PROBLEMS));
        }
    }

    record BatchResult(int created, int replayed, int invalid, List<BatchItemResult> results) {
    }

    record PageView(List<ReferralView> items, int page, int size, long total) {
    }

    /** Why a link of the referral's subject to another address's history is wrong (on the audit trail). */
    record SubjectLinkUndoRequest(String reason) {
    }

    /** The link is undone: {@code referralsMoved} referrals (this one, and any others under its details) left the history. */
    record SubjectLinkUndone(String referralId, int referralsMoved) {
    }

    /** The audit trail's name for an undone link between a referral's subject and another address's history. */
    static final String SUBJECT_LINK_RESOURCE = "referral-subject-link";
    private static final int MAX_REASON = 500;

    private final ReferralIntake intake;
    private final SubjectLinks subjectLinks;
    private final ReferralQueries queries;
    private final PersonalDetailsStore personalDetails;
    private final PersonalDataAudit audit;
    private final int batchMaxSize;
    private final String claimCheckClientId;
    private final java.util.Set<String> victimPathways;
    private final Clock clock;
    private final Validator validator;

    ReferralController(ReferralIntake intake, SubjectLinks subjectLinks, ReferralQueries queries, PersonalDetailsStore personalDetails,
            ReferralsWebSettings settings, Clock clock, PersonalDataAudit audit, Validator validator) {
        this.subjectLinks = subjectLinks;
        this.validator = validator;
        this.audit = audit;
        this.intake = intake;
        this.queries = queries;
        this.personalDetails = personalDetails;
        this.batchMaxSize = settings.batchMaxSize();
        this.claimCheckClientId = settings.claimCheckClientId();
        this.victimPathways = settings.victimPathways();
        this.clock = clock;
    }

    /** 201 with the new referral; 200 with the original when the agency reference was seen before. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ReferralView> receive(@RequestBody ReferralRequest request) {
        ReferralIntake.Outcome outcome = intake.receive(request.validate(validator, clock.instant(), callerAgency()));
        ReferralView view = ReferralView.of(outcome.referral());
        if (!outcome.created()) {
            return ResponseEntity.ok(view);
        }
        return ResponseEntity.created(URI.create("/api/referrals/" + view.id())).body(view);
    }

    /**
     * Up to {@code batchMaxSize} referrals in one request, each taken or refused on its own: one bad
     * item does not stop the others. Replays are answered with the original id.
     */
    @PostMapping(path = "/batch", consumes = MediaType.APPLICATION_JSON_VALUE)
    BatchResult receiveBatch(@RequestBody BatchRequest batch, HttpServletRequest request) {
        if (batch.referrals() == null || batch.referrals().isEmpty()) {
            throw InvalidRequestException.of("referrals", "must hold at least one referral");
        }
        if (batch.referrals().size() > batchMaxSize) {
            throw InvalidRequestException.of("referrals", "must hold at most " + batchMaxSize + " referrals, not "
                    + batch.referrals().size());
        }
        // a batch of n costs the client n requests of its rate limit, before any item is looked at
        ClientRateLimits.charge(request, batch.referrals().size());
        Instant now = clock.instant();
        String agency = callerAgency();
        // every item checked first: the valid ones are then taken together, the keys of their new people in one write
        BatchItemResult[] results = new BatchItemResult[batch.referrals().size()];
        List<Integer> validIndexes = new ArrayList<>();
        List<NewReferral> valid = new ArrayList<>();
        int invalid = 0;
        for (int i = 0; i < batch.referrals().size(); i++) {
            ReferralRequest item = batch.referrals().get(i);
            if (item == null) {
                results[i] = new BatchItemResult(i, "invalid", null, List.of(new FieldProblem("referrals[" + i + "]", "is empty")));
                invalid++;
                continue;
            }
            try {
                valid.add(item.validate(validator, now, agency));
                validIndexes.add(i);
            } catch (InvalidRequestException e) {
                int index = i;
                results[i] = new BatchItemResult(i, "invalid", null, e.problems().stream()
                        .map(p -> new FieldProblem("referrals[" + index + "]." + p.field(), p.message())).toList());
                invalid++;
            }
        }
        int created = 0;
        int replayed = 0;
        List<ReferralIntake.Outcome> outcomes = intake.receiveAll(valid);
        for (int k = 0; k < outcomes.size(); k++) {
            ReferralIntake.Outcome outcome = outcomes.get(k);
            int i = validIndexes.get(k);
            results[i] = new BatchItemResult(i, outcome.created() ? "created" : "replayed", outcome.referral().id(), List.of());
            if (outcome.created()) {
                created++;
            } else {
                replayed++;
            }
        }
        return new BatchResult(created, replayed, invalid, List.of(results));
    }

    /** An agency reads its own referrals only: another agency's answers as if it did not exist. */
    @GetMapping("/{id}")
    ResponseEntity<?> find(@PathVariable String id) {
        String agency = callerAgency();
        return intake.find(id).filter(referral -> referral.agency().equals(agency))
                .<ResponseEntity<?>>map(referral -> ResponseEntity.ok(ReferralView.of(referral)))
                .orElseGet(ReferralController::notFound);
    }

    /** The referral's history: received, triaged, routed or linked, accepted, declined, closed, deadlines missed. */
    @GetMapping("/{id}/timeline")
    ResponseEntity<?> timeline(@PathVariable String id) {
        String agency = callerAgency();
        return intake.find(id).filter(referral -> referral.agency().equals(agency))
                .<ResponseEntity<?>>map(referral -> ResponseEntity.ok(ReferralView.timelineOf(referral)))
                .orElseGet(ReferralController::notFound);
    }

    /**
     * The safeguarding view of any agency's referral: the referral it was linked to and why, the MARAC reasons
     * from the person's history, the whole timeline. Only for the safeguarding scope (victim services, MARAC
     * coordinators; see {@link ReferralsAccess}); every read is on the audit trail under the reader's name,
     * with its purpose ({@code X-Access-Purpose}, by default {@value #SAFEGUARDING_PURPOSE}).
     */
    @GetMapping("/{id}/safeguarding")
    ResponseEntity<?> safeguarding(@PathVariable String id, HttpServletRequest request) {
        Optional<Referral> referral = intake.find(id);
        audit.personalDataRead(request, SAFEGUARDING_RESOURCE, id, SAFEGUARDING_PURPOSE, referral.isPresent());
        return referral.<ResponseEntity<?>>map(found -> ResponseEntity.ok(SafeguardingView.of(found)))
                .orElseGet(ReferralController::notFound);
    }

    /**
     * Undoes a wrong link (README, "Who a person is"): the referral's subject joined the history of someone referred
     * from another address by name and date of birth, and is someone else. Its details (and its entries) leave that
     * history for one of their own, and never join it again. Only for the safeguarding scope that may change links
     * ({@code referrals.safeguarding}); audited under the caller's name with the reason. 404 for an unknown referral,
     * 409 when its subject is not linked so.
     */
    @PostMapping(path = "/{id}/subject-link/undo", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> undoSubjectLink(@PathVariable String id, @RequestBody SubjectLinkUndoRequest body) {
        String reason = body == null || body.reason() == null ? "" : body.reason().strip();
        if (reason.isEmpty()) {
            throw InvalidRequestException.of("reason", "is required: why the link is wrong");
        }
        if (reason.length() > MAX_REASON) {
            throw InvalidRequestException.of("reason", "must be at most " + MAX_REASON + " characters");
        }
        Optional<SubjectLinks.Undone> undone;
        try {
            undone = subjectLinks.undo(id);
        } catch (SubjectLinks.NotLinkedException e) {
            audit.operatorAction("undo-subject-link", SUBJECT_LINK_RESOURCE, id, "not-linked");
            return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage()));
        }
        if (undone.isEmpty()) {
            audit.operatorAction("undo-subject-link", SUBJECT_LINK_RESOURCE, id, "not-found");
            return notFound();
        }
        audit.operatorAction("undo-subject-link", SUBJECT_LINK_RESOURCE, id, "undone: " + reason);
        return ResponseEntity.ok(new SubjectLinkUndone(id, undone.get().referralsMoved()));
    }

    /**
     * Claim check: the subject's personal details, for the victims service only (its client, holding the
     * referrals.subject scope), and only for a victim (or vulnerable person) whose referral was routed to
     * victim services. Personal data never travels on the bus; it is fetched here, and every read and
     * every refusal is audited.
     */
    @GetMapping("/{id}/subject")
    ResponseEntity<?> subject(@PathVariable String id, HttpServletRequest request) {
        Caller caller = Caller.current().orElse(null);
        if (caller == null || !claimCheckClientId.equals(caller.clientId())) {
            audit.denied(request, caller, "claim check: not the victims service");
            return forbidden("Personal details are served to the victims service only.");
        }
        Optional<Referral> referral = intake.find(id);
        if (referral.isPresent() && !routedToVictimServices(referral.get())) {
            audit.denied(request, caller, "claim check: not a victim routed to victim services");
            return forbidden("Personal details are served only for a victim whose referral was routed to victim services.");
        }
        Optional<PersonalDetails> held;
        try {
            // details are saved before their referral: without the referral they belong to an intake that never finished
            held = referral.isPresent() ? personalDetails.find(id) : Optional.empty();
        } catch (PersonalDataErasedException erased) {
            audit.personalDataRead(request, "referral-subject", id, "claim-check", "erased");
            throw erased; // answered 410 by the data protection module
        }
        audit.personalDataRead(request, "referral-subject", id, "claim-check", held.isPresent());
        return held.<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(ReferralController::notFound);
    }

    /**
     * A victim (or vulnerable person) whose referral went to a victim services pathway; a duplicate, which
     * goes nowhere itself but joins the case of the referral it duplicates, counts as routed where that one was.
     */
    private boolean routedToVictimServices(Referral referral) {
        SubjectRole role = referral.subject() == null ? null : referral.subject().role();
        if (role != SubjectRole.VICTIM && role != SubjectRole.VULNERABLE_PERSON) {
            return false;
        }
        Referral routed = referral;
        if ((referral.pathways() == null || referral.pathways().isEmpty()) && referral.linkedTo() != null) {
            routed = intake.find(referral.linkedTo()).orElse(referral);
        }
        return routed.pathways() != null && routed.pathways().stream().anyMatch(state -> victimPathways.contains(state.pathway()));
    }

    private static ResponseEntity<?> forbidden(String detail) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail));
    }

    /** The caller's own agency's referrals; an {@code agency} filter naming another agency finds none of them. */
    @GetMapping
    PageView list(@RequestParam(required = false) String agency, @RequestParam(required = false) String status,
            @RequestParam(required = false) String district, @RequestParam(required = false) String category,
            @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        List<FieldProblem> problems = new ArrayList<>();
        String statusFilter = null;
        if (status != null) {
            try {
                statusFilter = ReferralStatus.valueOf(status.toUpperCase(Locale.ROOT)).name();
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("status", "must be one of routed, linked, accepted, declined, closed"));
            }
        }
        String districtFilter = null;
        if (district != null) {
            districtFilter = District.fromCode(district).map(Enum::name).orElse(null);
            if (districtFilter == null) {
                problems.add(new FieldProblem("district", "is not one of Kent's 12 districts"));
            }
        }
        if (page < 0) {
            problems.add(new FieldProblem("page", "must be 0 or more"));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            problems.add(new FieldProblem("size", "must be between 1 and " + MAX_PAGE_SIZE));
        }
        if (from != null && to != null && !from.isBefore(to)) {
            problems.add(new FieldProblem("to", "must be after from"));
        }
        if (agency != null && !agency.equals(callerAgency())) {
            problems.add(new FieldProblem("agency", "must be the agency you are authenticated as, or left out"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        agency = callerAgency();
        ReferralQueries.Page result = queries.list(
                new ReferralQueries.Filter(agency, statusFilter, districtFilter, category, from, to), page, size);
        return new PageView(result.items().stream().map(ReferralView::of).toList(), result.page(), result.size(), result.total());
    }

    /** The agency the caller's token speaks for: referrals are posted and read as that agency only. */
    private static String callerAgency() {
        return Caller.current().map(Caller::agency)
                .orElseThrow(() -> new AccessDeniedException("the token names no partner agency"));
    }

    private static ResponseEntity<?> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No referral with this id."));
    }

}
