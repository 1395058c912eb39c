package org.saferkent.referrals.inbox.adapter.in.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.saferkent.platform.service.InvalidRequestException;
import org.saferkent.platform.service.ProblemResponses.FieldProblem;
import org.saferkent.platform.service.security.Caller;
import org.saferkent.referrals.inbox.application.PathwayInbox;
import org.saferkent.referrals.inbox.domain.CloseOutcome;
import org.saferkent.referrals.inbox.domain.DeclineReason;
import org.saferkent.referrals.inbox.domain.Inbox;
import org.saferkent.referrals.inbox.domain.PathwayOwners;
import org.saferkent.referrals.referral.domain.District;
import org.saferkent.referrals.referral.domain.PathwayState;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The inbox of a partner team that delivers a pathway (the {@code referrals.inbox} scope): the referrals routed to
 * its pathways in its districts, and its answer to each. The team is the agency its token speaks for
 * ({@link PathwayOwners}); nothing routed to another team is found here.
 */
@RestController
@RequestMapping("/api/inbox")
class InboxController {

    private static final int MAX_PAGE_SIZE = 200;
    private static final Set<String> STATUSES = Set.of(PathwayState.ROUTED, PathwayState.ACCEPTED, PathwayState.DECLINED,
            PathwayState.CLOSED);

    /** Why the team declines: one of {@link DeclineReason}. */
    public record DeclineRequest(String reason) {
    }

    /** How the team's work ended: one of {@link CloseOutcome}. */
    public record ClosureRequest(String outcome) {
    }

    public record InboxPage(List<InboxItemView> items, int page, int size, long total) {
    }

    private final PathwayInbox inbox;
    private final PathwayOwners owners;

    InboxController(PathwayInbox inbox, PathwayOwners owners) {
        this.inbox = inbox;
        this.owners = owners;
    }

    /** Newest first; {@code pathway}, {@code status} (of that team's pathway) and {@code district} narrow it. */
    @GetMapping
    InboxPage listInbox(@RequestParam(required = false) String pathway, @RequestParam(required = false) String status,
            @RequestParam(required = false) String district, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        Inbox own = callersInbox();
        List<FieldProblem> problems = new ArrayList<>();
        if (pathway != null && !own.pathways().contains(pathway)) {
            problems.add(new FieldProblem("pathway", "must be one of your inbox's pathways " + own.pathways()));
        }
        if (status != null && !STATUSES.contains(status)) {
            problems.add(new FieldProblem("status", "must be one of routed, accepted, declined, closed"));
        }
        District districtFilter = null;
        if (district != null) {
            districtFilter = District.fromCode(district).orElse(null);
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
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        PathwayInbox.Page result = inbox.list(own, new PathwayInbox.Filter(pathway, status, districtFilter), page, size);
        return new InboxPage(result.items().stream().map(r -> InboxItemView.of(r, own)).toList(), result.page(), result.size(),
                result.total());
    }

    /** Takes the referral on for the pathway: meets its triage clock; {@code ReferralAccepted} follows. */
    @PostMapping("/{referralId}/pathways/{pathway}/acceptance")
    InboxItemView accept(@PathVariable String referralId, @PathVariable String pathway) {
        Inbox own = callersInbox();
        return InboxItemView.of(inbox.accept(own, referralId, known(pathway)), own);
    }

    /** Declines it for the pathway, with a reason: meets its triage clock; {@code ReferralDeclined} follows. */
    @PostMapping("/{referralId}/pathways/{pathway}/decline")
    InboxItemView decline(@PathVariable String referralId, @PathVariable String pathway,
            @RequestBody(required = false) DeclineRequest request) {
        Inbox own = callersInbox();
        String code = request == null ? null : request.reason();
        DeclineReason reason = code == null || code.isBlank() ? null : DeclineReason.fromCode(code).orElse(null);
        if (reason == null) {
            throw InvalidRequestException.of("reason", (code == null || code.isBlank() ? "is required: " : "is not one of ")
                    + DeclineReason.codes());
        }
        return InboxItemView.of(inbox.decline(own, referralId, known(pathway), reason), own);
    }

    /** Closes the accepted referral for the pathway with its outcome; {@code ReferralClosed} follows. */
    @PostMapping("/{referralId}/pathways/{pathway}/closure")
    InboxItemView close(@PathVariable String referralId, @PathVariable String pathway,
            @RequestBody(required = false) ClosureRequest request) {
        Inbox own = callersInbox();
        String code = request == null ? null : request.outcome();
        CloseOutcome outcome = code == null || code.isBlank() ? null : CloseOutcome.fromCode(code).orElse(null);
        if (outcome == null) {
            throw InvalidRequestException.of("outcome", (code == null || code.isBlank() ? "is required: " : "is not one of ")
                    + CloseOutcome.codes());
        }
        return InboxItemView.of(inbox.close(own, referralId, known(pathway), outcome), own);
    }

    private static String known(String pathway) {
        if (!PathwayOwners.OWNED_BY_PARTNERS.contains(pathway)) {
            throw InvalidRequestException.of("pathway", "is not a pathway delivered by a partner team's inbox "
                    + new java.util.TreeSet<>(PathwayOwners.OWNED_BY_PARTNERS));
        }
        return pathway;
    }

    /**
     * The inbox of the agency the caller's token speaks for. An agency that owns no pathway has none: refused 403 by
     * Spring Security's handler, so the denial is audited as every other is.
     */
    private Inbox callersInbox() {
        String agency = Caller.current().map(Caller::agency).orElse(null);
        return owners.of(agency).orElseThrow(() -> new AccessDeniedException("the token's agency answers for no pathway"));
    }
}
