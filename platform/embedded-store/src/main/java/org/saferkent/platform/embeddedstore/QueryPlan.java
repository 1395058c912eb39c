package org.saferkent.platform.embeddedstore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;

/**
 * Which key ranges of a {@link SecondaryIndex} can hold the documents a query asks for: equality (or
 * {@code $in}) on a prefix of the index's keys, then at most one range ({@code $gt}, {@code $gte},
 * {@code $lt}, {@code $lte}, {@code $exists: true}). Conditions the index cannot narrow on ({@code $ne},
 * {@code $nin}, regular expressions, {@code $or} branches...) are left to the server's matcher, which
 * checks every candidate against the whole query anyway; a query whose first key the index cannot narrow
 * on gets no plan (the index is not used).
 *
 * @param score how narrow the plan is: two per equality key, one for a range, so the planner prefers the
 *              index that fixes the most keys
 */
record QueryPlan(List<Range> ranges, int score) {

    /** Bounded: a wide {@code $in} over several keys is not worth expanding. */
    private static final int MAX_RANGES = 1_000;

    /** Keys from {@code from} to {@code to}, both included. */
    record Range(KeyValue from, KeyValue to) {
        boolean isPoint() {
            return from.equals(to);
        }
    }

    static QueryPlan of(SecondaryIndex<?> index, Document query) {
        Map<String, Object> conditions = conditions(query);
        List<String> keys = index.keyNames();
        List<List<Object>> prefixes = new ArrayList<>();
        prefixes.add(List.of());
        int score = 0;
        for (String key : keys) {
            if (!conditions.containsKey(key)) {
                break;
            }
            Condition condition = Condition.of(conditions.get(key));
            if (condition == null) {
                break;
            }
            if (condition.values != null) {
                if (condition.values.isEmpty() || prefixes.size() * condition.values.size() > MAX_RANGES) {
                    break;
                }
                List<List<Object>> longer = new ArrayList<>();
                for (List<Object> prefix : prefixes) {
                    for (Object value : condition.values) {
                        List<Object> next = new ArrayList<>(prefix);
                        next.add(value);
                        longer.add(next);
                    }
                }
                prefixes = longer;
                score += 2;
                continue;
            }
            List<Range> ranges = new ArrayList<>();
            for (List<Object> prefix : prefixes) {
                ranges.add(new Range(key(prefix, condition.from, keys.size(), SecondaryIndex.min()),
                        key(prefix, condition.to, keys.size(), SecondaryIndex.max())));
            }
            return new QueryPlan(ranges, score + 1);
        }
        if (score == 0) {
            return null;
        }
        List<Range> ranges = new ArrayList<>();
        for (List<Object> prefix : prefixes) {
            if (prefix.size() == keys.size()) {
                KeyValue point = new KeyValue(prefix);
                ranges.add(new Range(point, point));
            } else {
                ranges.add(new Range(key(prefix, null, keys.size(), SecondaryIndex.min()),
                        key(prefix, null, keys.size(), SecondaryIndex.max())));
            }
        }
        return new QueryPlan(ranges, score);
    }

    private static KeyValue key(List<Object> prefix, Object bound, int size, Object fill) {
        List<Object> values = new ArrayList<>(prefix);
        if (bound != null) {
            values.add(bound);
        }
        while (values.size() < size) {
            values.add(fill);
        }
        return new KeyValue(values);
    }

    /** The query's field conditions, including those of a top-level {@code $and} (any one narrows). */
    static Map<String, Object> conditions(Document query) {
        Map<String, Object> conditions = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : query.entrySet()) {
            if (!entry.getKey().startsWith("$")) {
                conditions.putIfAbsent(entry.getKey(), entry.getValue());
            } else if ("$and".equals(entry.getKey()) && entry.getValue() instanceof Collection<?> all) {
                for (Object part : all) {
                    if (part instanceof Document doc) {
                        conditions(doc).forEach(conditions::putIfAbsent);
                    }
                }
            }
        }
        return conditions;
    }

    /** Equality with one of {@code values}, or a range from {@code from} to {@code to} (both included). */
    private static final class Condition {
        List<Object> values;
        Object from;
        Object to;

        static Condition of(Object condition) {
            Condition c = new Condition();
            if (!(condition instanceof Map<?, ?> map)) {
                if (!plain(condition)) {
                    return null;
                }
                c.values = List.of(normal(condition));
                return c;
            }
            if (map.isEmpty() || !map.keySet().stream().allMatch(k -> String.valueOf(k).startsWith("$"))) {
                return null; // an embedded document compared whole: left to the matcher
            }
            if (map.containsKey("$eq") && plain(map.get("$eq"))) {
                c.values = List.of(normal(map.get("$eq")));
                return c;
            }
            if (map.get("$in") instanceof Collection<?> in) {
                List<Object> values = new ArrayList<>();
                for (Object value : in) {
                    if (!plain(value)) {
                        return null;
                    }
                    values.add(normal(value));
                }
                c.values = values.stream().distinct().toList();
                return c;
            }
            Object lower = first(map, "$gt", "$gte");
            Object upper = first(map, "$lt", "$lte");
            if (lower != null || upper != null) {
                if ((lower != null && !plain(lower)) || (upper != null && !plain(upper))) {
                    return null;
                }
                c.from = lower != null ? normal(lower) : typeMin(normal(upper));
                c.to = upper != null ? normal(upper) : typeMax(normal(lower));
                return c;
            }
            if (Boolean.TRUE.equals(map.get("$exists")) && map.size() == 1) {
                // a field set to null exists too; a sparse index holds only documents that have the field
                c.from = SecondaryIndex.min();
                c.to = SecondaryIndex.max();
                return c;
            }
            return null;
        }

        private static Object first(Map<?, ?> map, String a, String b) {
            return map.containsKey(a) ? map.get(a) : map.get(b);
        }

        /** A single comparable value: not null, not a document, array or regular expression. */
        private static boolean plain(Object value) {
            return value != null && !(value instanceof Map) && !(value instanceof Collection) && !(value instanceof Pattern)
                    && !BsonRegularExpression.isRegularExpression(value);
        }

        private static Object normal(Object value) {
            return value instanceof Number number ? Utils.normalizeNumber(number) : value;
        }

        /** The lowest value of the bound's own type, so a one-sided range skips nulls and other types. */
        private static Object typeMin(Object bound) {
            if (bound instanceof Number) {
                return Double.NEGATIVE_INFINITY;
            }
            if (bound instanceof String) {
                return "";
            }
            if (bound instanceof Instant) {
                return Instant.MIN;
            }
            if (bound instanceof Boolean) {
                return Boolean.FALSE;
            }
            return SecondaryIndex.min();
        }

        private static Object typeMax(Object bound) {
            if (bound instanceof Number) {
                return Double.POSITIVE_INFINITY;
            }
            if (bound instanceof Instant) {
                return Instant.MAX;
            }
            if (bound instanceof Boolean) {
                return Boolean.TRUE;
            }
            return SecondaryIndex.max();
        }
    }
}
