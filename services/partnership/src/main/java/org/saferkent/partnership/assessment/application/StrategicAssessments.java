package org.saferkent.partnership.assessment.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.bson.Document;
import org.saferkent.partnership.assessment.domain.Assessment;
import org.saferkent.partnership.assessment.domain.Assessment.CountyBlock;
import org.saferkent.partnership.assessment.domain.Assessment.DistrictBlock;
import org.saferkent.partnership.assessment.domain.Cell;
import org.saferkent.partnership.assessment.domain.Counts;
import org.saferkent.partnership.assessment.domain.PoliceUkCategory;
import org.saferkent.partnership.assessment.domain.PoliceUkFile;
import org.saferkent.partnership.vocabulary.District;
import org.saferkent.partnership.vocabulary.KentDate;
import org.saferkent.platform.disclosure.DisclosureControl;
import org.saferkent.platform.disclosure.DisclosureRule;
import org.saferkent.platform.messaging.IdempotentWrites;
import org.saferkent.platform.messaging.IdempotentWrites.Change;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The strategic assessment's counts and their publication. Two sources, kept apart (a police-recorded crime and a
 * referral about it are not two crimes): the police.uk files analysts import ({@code recorded}) and the referrals the
 * system received ({@code referrals}).
 * <ul>
 * <li>A referral is one document per referral, written by {@link IdempotentWrites}: the event's marker and the counted
 * fields in one conditional write, so a redelivered event counts nothing twice, with no transaction.</li>
 * <li>An import is checked whole before anything is written. Its counts are written per cell under the import's id
 * (the SHA-256 of the file), then the import itself; reads count only the cells of imports that were written to the
 * end, so a crash between the two shows nothing of the file, and importing it again completes it. The same file
 * imported twice finds its import and changes nothing.</li>
 * </ul>
 */
public class StrategicAssessments {

    public static final String REFERRALS = "assessment_referrals";
    public static final String CELLS = "assessment_import_cells";
    public static final String IMPORTS = "assessment_imports";

    /** The assessment of a district (or of a CSP's districts) for a year. */
    public record DistrictAssessment(String district, String csp, int year, String audience, DisclosureRule rule,
            List<String> months, DistrictBlock recorded, DistrictBlock referrals) {
    }

    /** The county's eleven CSPs for a year. */
    public record CountyAssessment(int year, String audience, DisclosureRule rule, List<String> categories,
            CountyBlock recorded, CountyBlock referrals) {
    }

    private final MongoTemplate mongo;
    private final IdempotentWrites writes;
    private final DisclosureControl control;
    private final String audience;
    private final Clock clock;

    public StrategicAssessments(MongoTemplate mongo, IdempotentWrites writes, DisclosureControl control, String audience,
            Clock clock) {
        this.mongo = mongo;
        this.writes = writes;
        this.control = control;
        this.audience = audience;
        this.clock = clock;
        control.rule(audience); // an audience with no rule stops the start
        mongo.indexOps(REFERRALS).createIndex(new Index().on("year", Sort.Direction.ASC).on("district", Sort.Direction.ASC));
        mongo.indexOps(CELLS).createIndex(new Index().on("year", Sort.Direction.ASC).on("district", Sort.Direction.ASC));
        // which files cover a month (the latest counts)
        mongo.indexOps(IMPORTS).createIndex(new Index().on("months", Sort.Direction.ASC));
    }

    // ---------------------------------------------------------------- referrals

    /**
     * A referral received, to be counted in the month (Kent time) it was received under the police.uk category its
     * category maps to: staged, written with its batch by {@link #applyReferrals}.
     *
     * @throws IllegalArgumentException for a category referrals does not accept
     */
    public Change referralCounted(String eventId, String referralId, District district, String referralCategory,
            Instant receivedAt) {
        PoliceUkCategory category = PoliceUkCategory.ofReferralCategory(referralCategory).orElseThrow(
                () -> new IllegalArgumentException("category is not one referrals accepts"));
        LocalDate day = KentDate.of(receivedAt);
        Update counted = new Update().set("district", district.code()).set("year", day.getYear())
                .set("month", day.getMonthValue()).set("category", category.slug());
        return new Change(referralId, eventId, counted);
    }

    /**
     * A referral linked as a duplicate of another (the same subject and incident from another agency), to be left out
     * of the counts whether its own event came before or comes after: staged, written by {@link #applyReferrals}.
     */
    public Change duplicateMarked(String eventId, String referralId) {
        return new Change(referralId, eventId, new Update().set("duplicate", true));
    }

    /**
     * Applies a batch's counted and duplicate-marked referrals as one bulk write, each event once (a batch delivered
     * again changes nothing). The changes commute (counted fields and the duplicate flag are set apart), so their
     * order within the bulk does not matter.
     *
     * @return how many were applied now (the others had been before)
     */
    public int applyReferrals(List<Change> changes) {
        return writes.applyOnce(REFERRALS, changes);
    }

    // ---------------------------------------------------------------- imports

    /**
     * Imports a police.uk street-level file: all of it, or (with a bad row) nothing.
     *
     * @throws InvalidImportException  naming every bad row by its line (the first {@value PoliceUkFile#MAX_LISTED_PROBLEMS})
     * @throws ImportTooLargeException beyond {@code maxRows} rows
     */
    public ImportSummary importFile(String csv, int maxRows) {
        String importId = sha256(csv);
        Document done = mongo.findById(importId, Document.class, IMPORTS);
        if (done != null) {
            return summary(done, true);
        }
        PoliceUkFile.Parsed parsed;
        try {
            parsed = PoliceUkFile.parse(csv, maxRows);
        } catch (PoliceUkFile.TooManyRows e) {
            throw new ImportTooLargeException(e.getMessage());
        }
        if (!parsed.valid()) {
            throw new InvalidImportException(parsed.problems(), parsed.problemCount());
        }
        if (!parsed.counts().isEmpty()) {
            BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, CELLS);
            for (Map.Entry<Cell, Integer> entry : parsed.counts().entrySet()) {
                Cell cell = entry.getKey();
                String id = importId + "|" + cell.district().code() + "|" + cell.year() + "|" + cell.month() + "|"
                        + cell.category().slug();
                bulk.upsert(Query.query(Criteria.where("_id").is(id)), new Update().set("importId", importId)
                        .set("district", cell.district().code()).set("year", cell.year()).set("month", cell.month())
                        .set("category", cell.category().slug()).set("count", entry.getValue()));
            }
            bulk.execute();
        }
        Set<String> months = new TreeSet<>();
        parsed.counts().keySet().forEach(cell -> months.add(String.format("%04d-%02d", cell.year(), cell.month())));
        List<Document> outside = new ArrayList<>();
        parsed.outsideKent().forEach((area, rows) -> outside.add(new Document("area", area).append("rows", rows)));
        Document imported = new Document("_id", importId).append("rows", parsed.rows()).append("counted", parsed.counted())
                .append("outsideKent", outside).append("months", List.copyOf(months)).append("importedAt", clock.instant());
        try {
            mongo.insert(imported, IMPORTS);
        } catch (DuplicateKeyException sameFileMeanwhile) {
            return summary(imported, true);
        }
        return summary(imported, false);
    }

    private static ImportSummary summary(Document imported, boolean before) {
        List<ImportSummary.Outside> outside = new ArrayList<>();
        for (Document area : imported.getList("outsideKent", Document.class, List.of())) {
            outside.add(new ImportSummary.Outside(area.getString("area"), area.getInteger("rows", 0)));
        }
        return new ImportSummary(imported.getString("_id"), imported.getInteger("rows", 0), imported.getInteger("counted", 0),
                outside, imported.getList("months", String.class, List.of()), before);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- reads

    public DistrictAssessment district(District district, int year) {
        Criteria where = Criteria.where("year").in(year - 1, year).and("district").is(district.code());
        List<District> districts = List.of(district);
        return new DistrictAssessment(district.code(), district.csp(), year, audience, control.rule(audience),
                Assessment.months(year),
                Assessment.district(recorded(where, year), districts, year, control, audience),
                Assessment.district(referrals(where), districts, year, control, audience));
    }

    public CountyAssessment county(int year) {
        Criteria where = Criteria.where("year").in(year - 1, year);
        return new CountyAssessment(year, audience, control.rule(audience), PoliceUkCategory.slugs(),
                Assessment.county(recorded(where, year), year, control, audience),
                Assessment.county(referrals(where), year, control, audience));
    }

    private Counts referrals(Criteria where) {
        Counts counts = new Counts();
        Query query = Query.query(where.and("duplicate").ne(true));
        query.fields().include("district", "year", "month", "category");
        for (Document referral : mongo.find(query, Document.class, REFERRALS)) {
            add(counts, referral, 1);
        }
        return counts;
    }

    /**
     * The recorded crime of the year and the one before, each month from the latest file imported for it: police.uk
     * publishes a month again with corrections, and a second file for a month replaces the first rather than adding to
     * it. A file counts only once its import finished (its import document is written last).
     */
    private Counts recorded(Criteria where, int year) {
        List<String> months = new ArrayList<>();
        for (int y = year - 1; y <= year; y++) {
            for (int m = 1; m <= 12; m++) {
                months.add(String.format("%04d-%02d", y, m));
            }
        }
        Query imports = Query.query(Criteria.where("months").in(months));
        imports.fields().include("_id", "months", "importedAt");
        Map<String, Document> latest = new HashMap<>();
        for (Document imported : mongo.find(imports, Document.class, IMPORTS)) {
            for (String month : imported.getList("months", String.class, List.of())) {
                latest.merge(month, imported, (held, other) -> later(held, other) ? held : other);
            }
        }
        Query query = Query.query(where);
        query.fields().include("importId", "district", "year", "month", "category", "count");
        Counts counts = new Counts();
        for (Document cell : mongo.find(query, Document.class, CELLS)) {
            Document file = latest.get(String.format("%04d-%02d", cell.getInteger("year", 0), cell.getInteger("month", 0)));
            if (file != null && file.getString("_id").equals(cell.getString("importId"))) {
                add(counts, cell, cell.getInteger("count", 0));
            }
        }
        return counts;
    }

    /** Whether {@code a} was imported after {@code b} (the same instant: by id, so every read picks the same). */
    private static boolean later(Document a, Document b) {
        int byTime = a.getDate("importedAt").compareTo(b.getDate("importedAt"));
        return byTime != 0 ? byTime > 0 : a.getString("_id").compareTo(b.getString("_id")) > 0;
    }

    private static void add(Counts counts, Document row, int count) {
        District district = District.fromCode(row.getString("district")).orElse(null);
        PoliceUkCategory category = PoliceUkCategory.fromSlug(row.getString("category")).orElse(null);
        Integer year = row.getInteger("year");
        Integer month = row.getInteger("month");
        if (district != null && category != null && year != null && month != null) {
            counts.add(district, year, month, category, count);
        }
    }
}
