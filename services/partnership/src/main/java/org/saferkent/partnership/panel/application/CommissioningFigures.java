package org.saferkent.partnership.panel.application;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.bson.Document;
import org.saferkent.partnership.vocabulary.District;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
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

    public void record(Long sequence, String key, String district, String quarter, boolean removed, Map<String, Integer> counts) {
        var matcher = quarter == null ? null : QUARTER.matcher(quarter);
        if (sequence == null || key == null || matcher == null || !matcher.matches() || district == null
                || District.fromCode(district).isEmpty()) {
            return;
        }
        Document kept = new Document();
        if (!removed && counts != null) {
            COUNTS.forEach(name -> kept.put(name, counts.getOrDefault(name, 0) == null ? 0 : counts.getOrDefault(name, 0)));
        }
        Update update = new Update().set("sequence", sequence).set("district", district).set("quarter", "Q" + matcher.group(2))
                .set("year", Integer.parseInt(matcher.group(1))).set("removed", removed).set("counts", kept);
        try {
            mongo.upsert(Query.query(Criteria.where("_id").is(key).and("sequence").lt(sequence)), update, COLLECTION);
        } catch (DuplicateKeyException newerKept) {
            // the document holds this sequence or a later one: nothing to do
        }
    }

    /** For the year: count → district → quarter (Q1..Q4) → the sum over contracts. */
    public Map<String, Map<String, Map<String, Integer>>> year(int year) {
        Map<String, Map<String, Map<String, Integer>>> sums = new HashMap<>();
        for (Document doc : mongo.getCollection(COLLECTION).find(new Document("year", year))) {
            if (Boolean.TRUE.equals(doc.getBoolean("removed"))) {
                continue;
            }
            Document counts = doc.get("counts", Document.class);
            for (String name : COUNTS) {
                Number value = counts == null ? null : (Number) counts.get(name);
                sums.computeIfAbsent(name, n -> new HashMap<>()).computeIfAbsent(doc.getString("district"), d -> new HashMap<>())
                        .merge(doc.getString("quarter"), value == null ? 0 : value.intValue(), Integer::sum);
            }
        }
        return sums;
    }
}
