package org.saferkent.commissioning.performance.adapter.in.web;

import java.util.ArrayList;
import java.util.List;

import org.saferkent.commissioning.performance.application.PerformanceFeed;
import org.saferkent.commissioning.performance.application.ProjectionRebuild;
import org.saferkent.commissioning.performance.application.PublishedEntry;
import org.saferkent.commissioning.performance.application.RebuildResult;
import org.saferkent.platform.workingdays.Quarter;
import org.saferkent.commissioning.vocabulary.Districts;
import org.saferkent.platform.service.InvalidRequestException;
import org.saferkent.platform.service.ProblemResponses.FieldProblem;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The PCC office's feeds: performance per contract × district × quarter (aggregates only), the
 * changes after a cursor, the Ministry of Justice return, and the rebuild of the projection. The performance
 * and the feed are published under statistical disclosure control (audience {@code pcc-office}, each contract ×
 * quarter's districts with their Kent total as one table); the MoJ return is exact ({@code moj-return}).
 * (Access control: the security issue.)
 */
@RestController
@RequestMapping("/api/commissioning")
class PerformanceController {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    /** A page of the feed: the changes, the cursor to ask with next, whether more wait. */
    record FeedPage(List<PublishedEntry> items, long next, boolean more) {
    }

    private final PerformanceFeed feed;
    private final ProjectionRebuild rebuild;

    PerformanceController(PerformanceFeed feed, ProjectionRebuild rebuild) {
        this.feed = feed;
        this.rebuild = rebuild;
    }

    /** The cells as they stand, by contract, district and quarter; each filter optional. */
    @GetMapping("/performance")
    List<PublishedEntry> performance(@RequestParam(required = false) String contractId,
            @RequestParam(required = false) String district, @RequestParam(required = false) String quarter) {
        List<FieldProblem> problems = new ArrayList<>();
        if (district != null && !Districts.known(district)) {
            problems.add(new FieldProblem("district", "must be one of " + String.join(", ", Districts.KENT)));
        }
        if (quarter != null && Quarter.parse(quarter).isEmpty()) {
            problems.add(new FieldProblem("quarter", "must be a quarter such as 2026-Q3"));
        }
        throwIfAny(problems);
        return feed.current(contractId, district, quarter == null ? null : Quarter.parse(quarter).orElseThrow().toString());
    }

    /**
     * The changes numbered after the cursor {@code after} (0: from the start), in order, at most
     * {@code limit}; {@code next} is the cursor to resume from. Answers 304 when the caller's
     * {@code If-None-Match} still holds.
     */
    @GetMapping("/feed")
    ResponseEntity<FeedPage> changes(@RequestParam(required = false) String after, @RequestParam(required = false) String limit,
            @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        List<FieldProblem> problems = new ArrayList<>();
        long cursor = 0;
        int size = DEFAULT_LIMIT;
        if (after != null) {
            try {
                cursor = Long.parseLong(after.trim());
            } catch (NumberFormatException e) {
                cursor = -1;
            }
            if (cursor < 0) {
                problems.add(new FieldProblem("after", "must be a cursor: a whole number from 0"));
            }
        }
        if (limit != null) {
            try {
                size = Integer.parseInt(limit.trim());
            } catch (NumberFormatException e) {
                size = 0;
            }
            if (size < 1 || size > MAX_LIMIT) {
                problems.add(new FieldProblem("limit", "must be a whole number from 1 to " + MAX_LIMIT));
            }
        }
        throwIfAny(problems);
        String etag = feed.etag(cursor, size);
        if (ifNoneMatch != null && matches(ifNoneMatch, etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
        }
        PerformanceFeed.Page page = feed.after(cursor, size);
        return ResponseEntity.ok().eTag(etag).body(new FeedPage(page.items(), page.next(), page.more()));
    }

    /** The Ministry of Justice quarterly return: one row per contract × district for {@code quarter}. */
    @GetMapping("/returns/moj.csv")
    ResponseEntity<String> mojReturn(@RequestParam(required = false) String quarter) {
        Quarter parsed = Quarter.parse(quarter).orElseThrow(() ->
                InvalidRequestException.of("quarter", "is required: a quarter such as 2026-Q3"));
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"moj-return-" + parsed + ".csv\"")
                .body(MojReturn.csv(feed.exact(null, null, parsed.toString())));
    }

    /** Rebuilds the projection from the event topics and swaps it in; answers what it did. */
    @PostMapping("/rebuild")
    RebuildResult rebuild() {
        return rebuild.rebuild();
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    private static void throwIfAny(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }
}
