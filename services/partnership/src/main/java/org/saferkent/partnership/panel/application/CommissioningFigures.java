package org.saferkent.partnership.panel.application;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.mongodb.ErrorCategory;
import com.mongodb.bulk.BulkWriteError;
import org.bson.Document;
import org.saferkent.partnership.vocabulary.District;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The PCC's commissioning performance as the feed last said it: one document per contract × district × quarter
 * (the feed's key), replaced only by a later sequence, so a redelivered or older entry changes nothing (no
 * transactions: the condition is in the one write). A removed cell keeps its key with no counts.
 */
public class CommissioningFigures {

    static final String COLLECTION = "panel_commissioning";
    /** The counts the Panel sees, summed over contracts. */
    public static final List<String> COUNTS = List.of("referralsRouted", "victimsSupported", "contactedWithinDeadline");
    private static final Pattern QUARTER = Pattern.compile("^([0-9]{4})-Q([1-4])$");

    private final MongoTemplate mongo;

    public CommissioningFigures(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("year", Sort.Direction.ASC));
    }

    /** One feed entry, staged: the upsert that makes it the key's figures unless the key holds its sequence or a later one. */
    public record Entry(String key, long sequence, Update update) {
    }

    /** A feed entry as staged for {@link #recordAll}, or null for one the Panel cannot place (no sequence, key, Kent district or quarter). */
    public Entry entry(Long sequence, String key, String district, String quarter, boolean removed, Map<String, Integer> counts) {
        var matcher = quarter == null ? null : QUARTER.matcher(quarter);
        if (sequence == null || key == null || matcher == null || !matcher.matches() || district == null
                || District.fromCode(district).isEmpty()) {
            return null;
        }
        Document kept = new Document();
        if (!removed && counts != null) {
            COUNTS.forEach(name -> kept.put(name, counts.getOrDefault(name, 0) == null ? 0 : counts.getOrDefault(name, 0)));
        }
        Update update = new Update().set("sequence", sequence).set("district", district).set("quarter", "Q" + matcher.group(2))
                .set("year", Integer.parseInt(matcher.group(1))).set("removed", removed).set("counts", kept);
        return new Entry(key, sequence, update);
    }

    /**
     * Records a batch of entries with one unordered bulk write: per key only the entry of the highest sequence (the
     * others would be replaced by it anyway), each upserted on the condition that the key holds an earlier sequence.
     * An upsert meeting a duplicate key means the key holds this sequence or a later one: nothing to do, for that entry
     * alone. Any other failure is thrown (the batch is delivered again; writing it again is safe).
     */
    public void recordAll(List<Entry> entries) {
        Map<String, Entry> latest = new LinkedHashMap<>();
        for (Entry entry : entries) {
            latest.merge(entry.key(), entry, (held, next) -> next.sequence() > held.sequence() ? next : held);
        }
        if (latest.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        latest.values().forEach(entry -> bulk.upsert(
                Query.query(Criteria.where("_id").is(entry.key()).and("sequence").lt(entry.sequence())), entry.update()));
        try {
            bulk.execute();
        } catch (BulkOperationException failed) {
            for (BulkWriteError error : failed.getErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw failed;
                }
            }
            // every failure a duplicate key: those keys hold the entry's sequence or a later one (newer kept)
        }
    }

    /**
     * The financial year's four quarters as the feed names them (calendar quarters): April to June first, January to
     * March of the next year last ({@code 2026-Q2}, {@code 2026-Q3}, {@code 2026-Q4}, {@code 2027-Q1} for 2026-27).
     */
    public static List<String> quartersOfFinancialYear(int financialYear) {
        return List.of(financialYear + "-Q2", financialYear + "-Q3", financialYear + "-Q4", (financialYear + 1) + "-Q1");
    }

    /**
     * For the financial year: count → district → quarter (as {@link #quartersOfFinancialYear} names it) → the sum over
     * contracts. Read by the index on {@code year}: the two calendar years the financial year spans.
     */
    public Map<String, Map<String, Map<String, Integer>>> financialYear(int financialYear) {
        List<String> quarters = quartersOfFinancialYear(financialYear);
        Map<String, Map<String, Map<String, Integer>>> sums = new HashMap<>();
        for (Document doc : mongo.getCollection(COLLECTION).find(new Document("year",
                new Document("$in", List.of(financialYear, financialYear + 1))))) {
            String quarter = doc.get("year", Number.class) + "-" + doc.getString("quarter");
            if (Boolean.TRUE.equals(doc.getBoolean("removed")) || !quarters.contains(quarter)) {
                continue;
            }
            Document counts = doc.get("counts", Document.class);
            for (String name : COUNTS) {
                Number value = counts == null ? null : (Number) counts.get(name);
                sums.computeIfAbsent(name, n -> new HashMap<>()).computeIfAbsent(doc.getString("district"), d -> new HashMap<>())
                        .merge(quarter, value == null ? 0 : value.intValue(), Integer::sum);
            }
        }
        return sums;
    }
}
