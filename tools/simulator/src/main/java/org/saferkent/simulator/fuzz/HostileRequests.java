package org.saferkent.simulator.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import org.saferkent.simulator.fuzz.ApiOperations.Operation;
import org.saferkent.simulator.fuzz.ApiOperations.Param;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Hostile requests for the operations of the OpenAPI documents, each made from its index and the seed alone (the
 * same seed gives the same requests, whatever the concurrency). Operations take turns, so every one gets its share.
 *
 * <p>Every request carries at least one <em>definite</em> defect: something the operation's schema or HTTP itself
 * says can never be accepted (malformed JSON, invalid UTF-8, a value of the wrong JSON type, a required field left
 * out, a value outside its enum, pattern, length, format or range, too many items, nesting deeper than the services
 * parse, a body that is not JSON, a method the path does not have, a path no route has, an id no record has, a
 * parameter of the wrong type, a required parameter left out, a request line or header too large). On top of it go
 * hostile extras whose refusal the schema cannot promise on its own: injection-looking and control or odd unicode
 * strings, long strings and huge arrays, bodies past the services' 2 MB limit, duplicate and unexpected keys, hostile
 * query parameters and headers. So nothing sent may be accepted, and a write answered 2xx is a finding. The
 * exceptions are reads: a share of them ({@link FuzzRequest#definite()} false) carries hostile filter values and
 * headers only, which a read may fairly answer with 200 and nothing found.
 */
public final class HostileRequests {

    /** One request, ready to send. */
    public record FuzzRequest(long index, Operation operation, String method, String pathAndQuery,
            List<Map.Entry<String, String>> headers, byte[] body, int bodySize, List<String> attacks, boolean definite) {

        public boolean read() {
            return method.equals("GET");
        }

        /** Whether the request line and headers are over the web servers' limit (Tomcat's 8 KB), so may be cut off. */
        public boolean headOverLimit() {
            int size = method.length() + pathAndQuery.length() + 32;
            for (Map.Entry<String, String> header : headers) {
                size += header.getKey().length() + header.getValue().length() + 4;
            }
            return size > 8 * 1024 - 1_500; // what the client adds: host, token, lengths
        }

        /** The same request without its body: what a result keeps of the requests that went as expected. */
        public FuzzRequest withoutBody() {
            return body == null ? this : new FuzzRequest(index, operation, method,
                    pathAndQuery.length() > 200 ? pathAndQuery.substring(0, 200) : pathAndQuery, List.of(), null, bodySize, attacks,
                    definite);
        }

        /** For the report: index, operation, what was done, the target (cut short) and the body's size. */
        public String describe() {
            String target = pathAndQuery.length() > 160 ? pathAndQuery.substring(0, 160) + "...(" + pathAndQuery.length() + " chars)"
                    : pathAndQuery;
            return "#" + index + " " + operation.service() + " " + method + " " + target + " " + attacks
                    + (bodySize < 0 ? "" : " body " + bodySize + " B");
        }
    }

    /** Values no id, name, code, date or filter of the system takes. */
    static final List<String> HOSTILE = List.of(
            "$where", "{\"$gt\":\"\"}", "{\"$ne\":null}", "'; DROP TABLE referrals; --", "\" OR \"1\"=\"1", "admin'--",
            "../../../../etc/passwd", "..\\..\\..\\windows\\win.ini", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "<script>alert(1)</script>",
            "\"><img src=x onerror=alert(1)>", "javascript:alert(1)", "${jndi:ldap://127.0.0.1:1389/a}", "{{7*7}}", "#{7*7}",
            "${7*7}", "%00", "a\u0000b", "\u202Eevil\u202C", "\uFEFFbom", "Z̴̡̛͎a̶l̵g̸o̷", "𝕳𝖊𝖑𝖑𝖔 🎉🔥", "ﷺ", "Ω≈ç√∫˜µ≤≥÷",
            "null", "undefined", "NaN", "Infinity", "9999999999999999999999999", "-0", "1e309", "true", "[]", "{}",
            "\t\r\n", "this.constructor.constructor('return process')()", "__proto__", "sleep(1000)", "|| 1==1",
            "\\u0000", "%ff%fe", "\u0007\u0008\u001b[31m", "ｓｅｌｅｃｔ", "İıǅ", "\uD83D\uDE00\uD83D");

    /** Path values kept as they are (no percent-encoding): traversal and matrix tricks. */
    private static final List<String> RAW_PATH_VALUES = List.of("..", ".", "%2e%2e", "%252e%252e", "a;b", "%00", "%2F",
            "..%2F..%2Factuator", "%C0%AE%C0%AE", "*", "~", "%20");

    private static final List<String> PATH_SUFFIXES = List.of("/%3Cscript%3Ealert(1)%3C%2Fscript%3E", "/..;/..;/actuator/env",
            "/.%2e/.%2e/etc/passwd", "/%00", "/x/../../../actuator/health", "/;jsessionid=fuzz", "/%C0%AE%C0%AE/",
            "/fuzz-nowhere", "/%24where", "//", "/%7B%7B7*7%7D%7D", "/.git/config");

    private static final List<String> WRONG_CONTENT_TYPES = List.of("text/plain", "application/xml", "text/xml",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=fuzz", "application/octet-stream",
            "application/jsonx", "json", "text/html", "application/javascript", "image/png", "*/*");

    private static final String RAW = "__FUZZ_RAW_%d__";
    private static final String DUPLICATE = "__FUZZ_DUP_%d__";
    private static final String LONE_SURROGATE = "__FUZZ_LONE_SURROGATE__";
    private static final String BAD_BYTES = "__FUZZ_BAD_BYTES__";

    private final List<Operation> operations;
    private final long seed;
    private final JsonMapper json = JsonMapper.builder().build();
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;

    public HostileRequests(List<Operation> operations, long seed) {
        if (operations.isEmpty()) {
            throw new IllegalArgumentException("no operations to send to");
        }
        this.operations = List.copyOf(operations);
        this.seed = seed;
    }

    /** The request of this index. */
    public FuzzRequest generate(long index) {
        Operation operation = operations.get((int) Math.floorMod(index + seed, (long) operations.size()));
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index * 0xC2B2AE3D27D4EB4FL + 7);
        Draft draft = new Draft(operation, random);
        boolean probe = operation.method().equals("GET") && !operation.streaming() && random.nextInt(10) < 3;
        if (!probe) {
            applyOne(draft, definiteAttacks(draft));
        }
        int extras = probe ? 1 + random.nextInt(2) : random.nextInt(3);
        for (int i = 0; i < extras; i++) {
            applyOne(draft, extraAttacks(draft));
        }
        return draft.build(index, !probe);
    }

    // ---- the attacks ------------------------------------------------------------------------------------------

    /** An attack: applies itself to the draft, or answers false when it has nothing to work on. */
    private interface Attack {
        boolean apply(Draft draft);
    }

    private record Named(String name, int weight, Attack attack) {
    }

    private void applyOne(Draft draft, List<Named> candidates) {
        List<Named> left = new ArrayList<>(candidates);
        while (!left.isEmpty()) {
            int total = left.stream().mapToInt(Named::weight).sum();
            int pick = draft.random.nextInt(total);
            Named chosen = null;
            for (Named candidate : left) {
                pick -= candidate.weight();
                if (pick < 0) {
                    chosen = candidate;
                    break;
                }
            }
            left.remove(chosen);
            if (chosen.attack().apply(draft)) {
                draft.attacks.add(chosen.name());
                return;
            }
        }
    }

    private List<Named> definiteAttacks(Draft d) {
        List<Named> attacks = new ArrayList<>();
        Operation op = d.op;
        if (op.hasBody()) {
            attacks.add(new Named("malformed-json", 3, this::malformedJson));
            attacks.add(new Named("invalid-utf8", 2, this::invalidUtf8));
            attacks.add(new Named("root-wrong-type", 1, this::rootWrongType));
            attacks.add(new Named("wrong-type", 4, this::wrongType));
            attacks.add(new Named("missing-required", 4, this::missingRequired));
            attacks.add(new Named("enum-violation", 3, this::enumViolation));
            attacks.add(new Named("pattern-violation", 2, this::patternViolation));
            attacks.add(new Named("too-long", 3, this::tooLong));
            attacks.add(new Named("too-short", 1, this::tooShort));
            attacks.add(new Named("bad-format", 3, this::badFormat));
            attacks.add(new Named("out-of-range", 2, this::outOfRange));
            attacks.add(new Named("too-many-items", 2, this::tooManyItems));
            attacks.add(new Named("deep-nesting", 2, this::deepNesting));
        }
        if (!op.method().equals("GET")) {
            attacks.add(new Named("wrong-content-type", 2, this::wrongContentType));
        }
        attacks.add(new Named("wrong-method", 1, this::wrongMethod));
        attacks.add(new Named("unknown-path", 1, this::unknownPath));
        attacks.add(new Named("hostile-path-param", op.hasBody() ? 2 : 5, this::hostilePathParam));
        attacks.add(new Named("bad-int-param", 3, this::badIntParam));
        attacks.add(new Named("bad-date-param", 3, this::badDateParam));
        attacks.add(new Named("missing-required-param", 2, this::missingRequiredParam));
        attacks.add(new Named("oversized-uri", 1, this::oversizedUri));
        return attacks;
    }

    private List<Named> extraAttacks(Draft d) {
        List<Named> attacks = new ArrayList<>();
        if (d.op.hasBody() && d.tree != null) {
            attacks.add(new Named("injection-strings", 3, this::injectionStrings));
            attacks.add(new Named("control-and-unicode", 2, this::controlAndUnicode));
            attacks.add(new Named("lone-surrogate", 1, this::loneSurrogate));
            attacks.add(new Named("long-string", 2, this::longString));
            attacks.add(new Named("huge-array", 2, this::hugeArray));
            attacks.add(new Named("null-value", 1, this::nullValue));
            attacks.add(new Named("unexpected-keys", 2, this::unexpectedKeys));
            attacks.add(new Named("duplicate-keys", 2, this::duplicateKeys));
        }
        if (!d.op.method().equals("GET") && !d.op.streaming()) {
            attacks.add(new Named("oversized-body", 1, this::oversizedBody));
        }
        attacks.add(new Named("hostile-query", 3, this::hostileQuery));
        attacks.add(new Named("repeated-params", 1, this::repeatedParams));
        attacks.add(new Named("hostile-headers", 2, this::hostileHeaders));
        attacks.add(new Named("oversized-header", 1, this::oversizedHeader));
        return attacks;
    }

    // -- body: definite

    private boolean malformedJson(Draft d) {
        int variant = d.random.nextInt(10);
        d.textEdits.add(text -> {
            String s = new String(text, StandardCharsets.UTF_8);
            String broken = switch (variant) {
                case 0 -> s.length() > 1 ? s.substring(0, 1 + d.random.nextInt(s.length() - 1)) : "{";
                case 1 -> s + "}}";
                case 2 -> s.endsWith("}") ? s.substring(0, s.length() - 1) + ",}" : s + ",";
                case 3 -> s.replace('"', '\'');
                case 4 -> "/* fuzz */" + s;
                case 5 -> s.startsWith("{") ? "{\"fuzz\":NaN," + s.substring(1) : s + " NaN";
                case 6 -> s.startsWith("{") ? "{\"fuzz\":\"a\u0001b\"," + s.substring(1) : s + "\u0001";
                case 7 -> "{\"fuzz\":\"unterminated";
                case 8 -> "\uFEFF<?xml version=\"1.0\"?><referral/>";
                default -> "{".repeat(1 + d.random.nextInt(200));
            };
            return broken.getBytes(StandardCharsets.UTF_8);
        });
        return true;
    }

    /**
     * Bytes that are not UTF-8, inside a string the operation reads (a parser may skip an unknown property's value
     * without decoding it), or before the body's first token when it has no string.
     */
    private boolean invalidUtf8(Draft d) {
        byte[][] sequences = {{(byte) 0xC3, (byte) 0x28}, {(byte) 0xFF}, {(byte) 0xE2, (byte) 0x82, (byte) 0x28},
                {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}};
        byte[] bad = sequences[d.random.nextInt(sequences.length)];
        Slot slot = d.pickSlot(s -> "string".equals(typeOf(s.schema)));
        if (slot == null) {
            d.textEdits.add(text -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream(text.length + 8);
                out.writeBytes(bad);
                out.writeBytes(text);
                return out.toByteArray();
            });
            return true;
        }
        slot.set(nodes.stringNode("a" + BAD_BYTES + "b"));
        d.guard(slot);
        d.textEdits.add(text -> replace(text, BAD_BYTES.getBytes(StandardCharsets.UTF_8), bad));
        return true;
    }

    private static byte[] replace(byte[] text, byte[] marker, byte[] with) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length + with.length);
        int i = 0;
        while (i < text.length) {
            if (i + marker.length <= text.length && Arrays.equals(text, i, i + marker.length, marker, 0, marker.length)) {
                out.writeBytes(with);
                i += marker.length;
            } else {
                out.write(text[i++]);
            }
        }
        return out.toByteArray();
    }

    private boolean rootWrongType(Draft d) {
        String[] roots = {"[]", "\"a string\"", "42", "true", "[{}]", "[\"$where\"]"};
        String root = roots[d.random.nextInt(roots.length)];
        d.textEdits.add(text -> root.getBytes(StandardCharsets.UTF_8));
        return true;
    }

    private boolean wrongType(Draft d) {
        Slot slot = d.pickSlot(s -> typeOf(s.schema) != null);
        if (slot == null) {
            return false;
        }
        String type = typeOf(slot.schema);
        JsonNode value = switch (type) {
            // objects and arrays only (a number or boolean is read as its text), and never [] (a date reads it as no date)
            case "string" -> pick(d, List.of(obj("$gt", ""), arr("$where"), obj("$where", "sleep(1000)"), arr("a").add(1)));
            case "integer", "number" -> pick(d, List.of(nodes.stringNode("not-a-number"), obj("$gt", 0), arr("1"), nodes.stringNode("12abc")));
            case "boolean" -> pick(d, List.of(nodes.stringNode("yes-please"), obj("$ne", false), arr("true")));
            case "array" -> pick(d, List.of(nodes.stringNode("not-an-array"), obj("$gt", ""), nodes.numberNode(42)));
            default -> pick(d, List.of(nodes.stringNode("not-an-object"), nodes.numberNode(42), arr("$where"), nodes.booleanNode(true)));
        };
        slot.set(value);
        d.guard(slot);
        return true;
    }

    private boolean missingRequired(Draft d) {
        List<ObjectNode> candidates = new ArrayList<>();
        List<JsonNode> schemas = new ArrayList<>();
        if (d.tree instanceof ObjectNode root && d.op.bodySchema().has("required")) {
            candidates.add(root);
            schemas.add(d.op.bodySchema());
        }
        for (Slot slot : d.slots) {
            if (slot.value() instanceof ObjectNode object && slot.schema.has("required") && !(d.op.perItemAnswers() && slot.depth() > 0)) {
                candidates.add(object);
                schemas.add(slot.schema);
            }
        }
        while (!candidates.isEmpty()) {
            int i = d.random.nextInt(candidates.size());
            ObjectNode object = candidates.remove(i);
            JsonNode schema = schemas.remove(i);
            List<String> present = new ArrayList<>();
            schema.get("required").valueStream().map(JsonNode::asString).filter(object::has).forEach(present::add);
            if (!present.isEmpty()) {
                object.remove(present.get(d.random.nextInt(present.size())));
                d.guardParent = object;
                return true;
            }
        }
        return false;
    }

    private boolean enumViolation(Draft d) {
        Slot slot = d.pickSlot(s -> s.schema.has("enum"));
        if (slot == null) {
            return false;
        }
        Set<String> allowed = new java.util.HashSet<>();
        slot.schema.get("enum").valueStream().forEach(v -> allowed.add(v.asString()));
        String value;
        do {
            value = hostile(d); // never a code in another case or with spaces: a service may fairly read those as the code
        } while (allowed.contains(value) || value.isBlank());
        slot.set(nodes.stringNode(value));
        d.guard(slot);
        return true;
    }

    private boolean patternViolation(Draft d) {
        Slot slot = d.pickSlot(s -> s.schema.has("pattern"));
        if (slot == null) {
            return false;
        }
        Pattern pattern = Pattern.compile(slot.schema.get("pattern").asString());
        for (int tries = 0; tries < 20; tries++) {
            String value = hostile(d);
            if (!pattern.matcher(value).find()) {
                slot.set(nodes.stringNode(value));
                d.guard(slot);
                return true;
            }
        }
        return false;
    }

    private boolean tooLong(Draft d) {
        Slot slot = d.pickSlot(s -> s.schema.has("maxLength") && "string".equals(typeOf(s.schema)) && !s.schema.has("format"));
        if (slot == null) {
            return false;
        }
        int max = slot.schema.get("maxLength").asInt();
        int length = switch (d.random.nextInt(3)) {
            case 0 -> max + 1;
            case 1 -> max + 1 + d.random.nextInt(10_000);
            default -> max + 500_000 + d.random.nextInt(1_000_000);
        };
        slot.set(nodes.stringNode(bmpFiller(d, length)));
        d.guard(slot);
        return true;
    }

    private boolean tooShort(Draft d) {
        Slot slot = d.pickSlot(s -> s.schema.path("minLength").asInt(0) >= 1 && "string".equals(typeOf(s.schema)));
        if (slot == null) {
            return false;
        }
        slot.set(nodes.stringNode(""));
        d.guard(slot);
        return true;
    }

    private boolean badFormat(Draft d) {
        Slot slot = d.pickSlot(s -> Set.of("date", "date-time").contains(s.schema.path("format").asString(""))
                || Set.of("int32", "int64").contains(s.schema.path("format").asString("")));
        if (slot == null) {
            return false;
        }
        JsonNode value = switch (slot.schema.path("format").asString("")) {
            case "date" -> nodes.stringNode(pick(d, List.of("2026-02-30", "2026-13-01", "31/12/2026", "2026-1-1",
                    "../../etc/passwd", "0000-00-00", "yesterday", "<script>", "2026-11-20'--", "2026-W47")));
            case "date-time" -> nodes.stringNode(pick(d, List.of("2026-11-20T25:61:00Z", "2026-11-20 10:00", "not-a-time",
                    "2026-11-20T10:00:00+25:00", "2026-13-20T10:00:00Z", "<script>", "2026-11-20T10:00:00Zjunk")));
            case "int32" -> pick(d, List.of(nodes.numberNode(new java.math.BigInteger("99999999999999999999")),
                    nodes.numberNode(2_147_483_648L), nodes.numberNode(new java.math.BigInteger("-99999999999999999999"))));
            default -> nodes.numberNode(new java.math.BigInteger("999999999999999999999999999"));
        };
        slot.set(value);
        d.guard(slot);
        return true;
    }

    private boolean outOfRange(Draft d) {
        Slot slot = d.pickSlot(s -> Set.of("integer", "number").contains(String.valueOf(typeOf(s.schema)))
                && (s.schema.has("minimum") || s.schema.has("maximum")));
        if (slot == null) {
            return false;
        }
        boolean below = slot.schema.has("minimum") && (!slot.schema.has("maximum") || d.random.nextBoolean());
        long bound = below ? slot.schema.get("minimum").asLong() : slot.schema.get("maximum").asLong();
        long step = 1 + (d.random.nextBoolean() ? 0 : d.random.nextInt(1_000_000));
        slot.set(nodes.numberNode(below ? bound - step : bound + step));
        d.guard(slot);
        return true;
    }

    private boolean tooManyItems(Draft d) {
        Slot slot = d.pickSlot(s -> s.schema.has("maxItems") && s.value() != null && s.value().isArray());
        if (slot == null) {
            return false;
        }
        int max = slot.schema.get("maxItems").asInt();
        int count = max + 1 + (d.random.nextBoolean() ? 0 : d.random.nextInt(5_000));
        ArrayNode items = nodes.arrayNode();
        JsonNode itemSchema = d.op.resolve(slot.schema.path("items"));
        for (int i = 0; i < count; i++) {
            items.add(plausible(d.op, itemSchema, d.random, 3));
        }
        slot.set(items);
        d.guard(slot);
        return true;
    }

    private boolean deepNesting(Draft d) {
        int depth = 33 + (d.random.nextBoolean() ? d.random.nextInt(40) : d.random.nextInt(100_000));
        boolean arrays = d.random.nextBoolean();
        String open = arrays ? "[" : "{\"a\":";
        String close = arrays ? "]" : "}";
        String raw = open.repeat(depth) + "1" + close.repeat(depth);
        Slot slot = d.slots.isEmpty() ? null : d.slots.get(d.random.nextInt(d.slots.size()));
        if (slot == null) {
            d.textEdits.add(text -> raw.getBytes(StandardCharsets.UTF_8));
        } else {
            slot.set(nodes.stringNode(d.raw(raw)));
            d.guard(slot);
        }
        return true;
    }

    private boolean wrongContentType(Draft d) {
        String type = pick(d, WRONG_CONTENT_TYPES);
        d.contentType = type;
        if (!d.op.hasBody() || d.random.nextBoolean()) {
            String body = switch (type) {
                case "application/xml", "text/xml" -> "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>";
                case "application/x-www-form-urlencoded" -> "district=maidstone&%24where=1&agency[%24ne]=x";
                case "multipart/form-data; boundary=fuzz" -> "--fuzz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"../../x.sh\"\r\n\r\n#!/bin/sh\r\n--fuzz--\r\n";
                default -> d.op.hasBody() ? null : "{\"fuzz\":true}";
            };
            if (body != null) {
                d.textEdits.add(text -> body.getBytes(StandardCharsets.UTF_8));
                d.forceBody = true;
            }
        }
        if (!d.op.hasBody()) {
            d.forceBody = true;
            if (d.textEdits.isEmpty()) {
                d.textEdits.add(text -> "{\"fuzz\":true}".getBytes(StandardCharsets.UTF_8));
            }
        }
        return true;
    }

    // -- request line and headers: definite

    private boolean wrongMethod(Draft d) {
        List<String> others = new ArrayList<>(List.of("PUT", "PATCH", "DELETE"));
        others.removeAll(d.op.pathMethods());
        if (others.isEmpty()) {
            return false;
        }
        d.method = pick(d, others);
        return true;
    }

    private boolean unknownPath(Draft d) {
        d.pathSuffix = pick(d, PATH_SUFFIXES);
        return true;
    }

    private boolean hostilePathParam(Draft d) {
        List<Param> params = d.op.params("path");
        if (params.isEmpty()) {
            return false;
        }
        Param param = params.get(d.random.nextInt(params.size()));
        String value;
        if (d.random.nextInt(4) == 0) {
            value = pick(d, RAW_PATH_VALUES);
        } else {
            String hostile;
            do {
                hostile = d.random.nextInt(10) == 0 ? filler(d, 2_000 + d.random.nextInt(6_000)) : hostile(d);
            } while (hostile.isBlank() || looksLikeNumber(hostile));
            value = encode(hostile);
        }
        d.pathValues.put(param.name(), value);
        return true;
    }

    private boolean badIntParam(Draft d) {
        List<Param> ints = d.op.params("query").stream().filter(p -> p.type().equals("integer")).toList();
        if (ints.isEmpty()) {
            return false;
        }
        Param param = ints.get(d.random.nextInt(ints.size()));
        d.query.removeIf(e -> e.getKey().equals(param.name()));
        d.query.add(Map.entry(param.name(), pick(d, List.of("abc", "1.5", "99999999999999999999", "1e3", "-", "<script>",
                "{\"$gt\":0}", "NaN", "1 OR 1=1"))));
        d.guardedParams.add(param.name());
        return true;
    }

    private boolean badDateParam(Draft d) {
        List<Param> dates = d.op.params("query").stream().filter(p -> p.format().equals("date-time")).toList();
        if (dates.isEmpty()) {
            return false;
        }
        Param param = dates.get(d.random.nextInt(dates.size()));
        d.query.removeIf(e -> e.getKey().equals(param.name()));
        d.query.add(Map.entry(param.name(), pick(d, List.of("2026-13-45T99:99:99Z", "yesterday", "<script>", "2026-11-20T10:00:00+99:00",
                "{\"$gt\":\"\"}", "2026-11-20Tjunk", "../../etc/passwd"))));
        d.guardedParams.add(param.name());
        return true;
    }

    private boolean missingRequiredParam(Draft d) {
        List<Param> required = d.op.params("query").stream().filter(Param::required).toList();
        if (required.isEmpty()) {
            return false;
        }
        Param param = required.get(d.random.nextInt(required.size()));
        d.query.removeIf(e -> e.getKey().equals(param.name()));
        d.guardedParams.add(param.name());
        return true;
    }

    private boolean oversizedUri(Draft d) {
        d.query.add(Map.entry("fuzz-padding", filler(d, 20_000 + d.random.nextInt(60_000))));
        d.guardedParams.add("fuzz-padding");
        return true;
    }

    private boolean oversizedHeader(Draft d) {
        String name = pick(d, List.of("X-Correlation-Id", "X-Access-Purpose", "X-Fuzz", "Cookie", "Accept"));
        d.headers.put(name, asciiFiller(d, 20_000 + d.random.nextInt(60_000)));
        return true;
    }

    // -- extras (hostile, refusal not promised by the schema alone)

    private boolean injectionStrings(Draft d) {
        Slot slot = d.pickSlot(s -> "string".equals(typeOf(s.schema)));
        if (slot == null) {
            return false;
        }
        slot.set(nodes.stringNode(hostile(d)));
        return true;
    }

    private boolean controlAndUnicode(Draft d) {
        Slot slot = d.pickSlot(s -> "string".equals(typeOf(s.schema)));
        if (slot == null) {
            return false;
        }
        StringBuilder value = new StringBuilder();
        int length = 1 + d.random.nextInt(60);
        for (int i = 0; i < length; i++) {
            int kind = d.random.nextInt(5);
            value.appendCodePoint(switch (kind) {
                case 0 -> d.random.nextInt(0x20);
                case 1 -> 0x202A + d.random.nextInt(6);
                case 2 -> 0x1F300 + d.random.nextInt(0x300);
                case 3 -> 0x0300 + d.random.nextInt(0x70);
                default -> 0xFFF0 + d.random.nextInt(0x0E);
            });
        }
        slot.set(nodes.stringNode(value.toString()));
        return true;
    }

    private boolean loneSurrogate(Draft d) {
        Slot slot = d.pickSlot(s -> "string".equals(typeOf(s.schema)));
        if (slot == null) {
            return false;
        }
        slot.set(nodes.stringNode("a" + LONE_SURROGATE + "b"));
        d.markers.put(LONE_SURROGATE, pick(d, List.of("\\ud800", "\\udfff", "\\ud83d")));
        return true;
    }

    private boolean longString(Draft d) {
        Slot slot = d.pickSlot(s -> "string".equals(typeOf(s.schema)) && !s.schema.has("maxLength"));
        if (slot == null) {
            return false;
        }
        int length = d.random.nextBoolean() ? 10_000 + d.random.nextInt(100_000) : 500_000 + d.random.nextInt(1_400_000);
        slot.set(nodes.stringNode(filler(d, length)));
        return true;
    }

    private boolean hugeArray(Draft d) {
        Slot slot = d.pickSlot(s -> "array".equals(typeOf(s.schema)));
        if (slot == null) {
            return false;
        }
        ArrayNode items = nodes.arrayNode();
        int count = 10_000 + d.random.nextInt(90_000);
        JsonNode itemSchema = d.op.resolve(slot.schema.path("items"));
        boolean scalar = !"object".equals(typeOf(itemSchema)) && !"array".equals(typeOf(itemSchema));
        JsonNode item = scalar ? plausible(d.op, itemSchema, d.random, 3) : nodes.stringNode("x");
        for (int i = 0; i < count; i++) {
            items.add(item);
        }
        slot.set(items);
        return true;
    }

    private boolean nullValue(Draft d) {
        Slot slot = d.pickSlot(s -> true);
        if (slot == null) {
            return false;
        }
        slot.set(nodes.nullNode());
        return true;
    }

    private boolean unexpectedKeys(Draft d) {
        if (!(d.tree instanceof ObjectNode root)) {
            return false;
        }
        root.set("$where", nodes.stringNode("sleep(1000)"));
        root.set("__proto__", obj("admin", true));
        root.set("_id", obj("$ne", null));
        root.set("_class", nodes.stringNode("java.lang.Runtime"));
        root.set("constructor", obj("prototype", obj("isAdmin", true)));
        return true;
    }

    private boolean duplicateKeys(Draft d) {
        List<ObjectNode> objects = new ArrayList<>();
        if (d.tree instanceof ObjectNode root) {
            objects.add(root);
        }
        d.slots.forEach(s -> {
            if (s.value() instanceof ObjectNode object) {
                objects.add(object);
            }
        });
        objects.removeIf(o -> o.isEmpty());
        if (objects.isEmpty()) {
            return false;
        }
        ObjectNode object = objects.get(d.random.nextInt(objects.size()));
        List<String> keys = new ArrayList<>(object.propertyNames());
        // a duplicate's value wins: never for the defect's key, nor for one whose value holds the defect
        keys.removeIf(key -> object == d.guardParent && key.equals(d.guardKey) || d.guarded(object.get(key)));
        if (keys.isEmpty()) {
            return false;
        }
        String key = keys.get(d.random.nextInt(keys.size()));
        object.set(d.duplicate(key), d.random.nextBoolean() ? obj("$gt", "") : nodes.stringNode(hostile(d)));
        return true;
    }

    private boolean oversizedBody(Draft d) {
        int size = 2 * 1024 * 1024 + 1 + d.random.nextInt(300_000);
        int variant = d.random.nextInt(3);
        d.forceBody = true;
        d.textEdits.add(text -> {
            int missing = Math.max(0, size - text.length);
            String s = new String(text, StandardCharsets.UTF_8);
            String padded = switch (variant) {
                case 0 -> s.startsWith("{") ? "{\"padding\":\"" + "A".repeat(missing) + "\"," + s.substring(1) : s + " ".repeat(missing);
                case 1 -> s.startsWith("{") ? "{\"padding\":[" + "1,".repeat(missing / 2) + "1]," + s.substring(1) : s + "\n".repeat(missing);
                default -> s + " ".repeat(missing);
            };
            return padded.getBytes(StandardCharsets.UTF_8);
        });
        return true;
    }

    private boolean hostileQuery(Draft d) {
        List<Param> strings = d.op.params("query").stream().filter(p -> p.type().equals("string") && p.format().isEmpty()).toList();
        int count = 1 + d.random.nextInt(3);
        for (int i = 0; i < count; i++) {
            String name = !strings.isEmpty() && d.random.nextInt(3) > 0 ? strings.get(d.random.nextInt(strings.size())).name()
                    : pick(d, List.of("$where", "filter[$ne]", "district[$gt]", "__proto__[admin]", "sort", "page[$gt]", "_id", "q"));
            if (d.guardedParams.contains(name)) {
                continue;
            }
            String value = d.random.nextInt(8) == 0 ? filler(d, 1_000 + d.random.nextInt(5_000)) : hostile(d);
            d.query.removeIf(e -> e.getKey().equals(name));
            d.query.add(Map.entry(name, value));
        }
        return true;
    }

    private boolean repeatedParams(Draft d) {
        List<Param> params = d.op.params("query").stream().filter(p -> !d.guardedParams.contains(p.name())).toList();
        String name = params.isEmpty() ? "district" : params.get(d.random.nextInt(params.size())).name();
        int times = 2 + d.random.nextInt(d.random.nextBoolean() ? 3 : 500);
        for (int i = 0; i < times; i++) {
            d.query.add(Map.entry(name, i % 2 == 0 ? hostile(d) : "maidstone"));
        }
        return true;
    }

    private boolean hostileHeaders(Draft d) {
        int count = 1 + d.random.nextInt(3);
        for (int i = 0; i < count; i++) {
            switch (d.random.nextInt(10)) {
                case 0 -> d.headers.put("X-Correlation-Id", ascii(hostile(d)));
                case 1 -> d.headers.put("X-Access-Purpose", ascii(hostile(d)));
                case 2 -> d.headers.put("Accept", pick(d, List.of("application/xml", "text/html", "application/json;q=abc",
                        "*/*;q=0.1, application/x-evil", "image/png", "text/event-stream")));
                case 3 -> d.headers.put("Accept-Language", pick(d, List.of("xx-INVALID,;q=2", "*;q=-1", "en-GB-x-" + "a".repeat(500))));
                case 4 -> d.headers.put("If-None-Match", pick(d, List.of("\"<script>\"", "W/\"x\"", "*", "\"" + "9".repeat(400) + "\"", "{\"$gt\":\"\"}")));
                case 5 -> d.headers.put("X-Forwarded-For", pick(d, List.of("127.0.0.1, <script>", "999.999.999.999", "::1%eth0", "evil")));
                case 6 -> d.headers.put("X-Forwarded-Host", pick(d, List.of("evil.example", "127.0.0.1:0", "a b")));
                case 7 -> d.headers.put("traceparent", pick(d, List.of("00-zzzz-yyyy-01", "ff-" + "0".repeat(32) + "-" + "0".repeat(16) + "-ff",
                        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7", "<script>")));
                case 8 -> d.headers.put("Cookie", pick(d, List.of("SESSION=../../etc/passwd", "JSESSIONID=<script>", "a=" + "b".repeat(3_000))));
                default -> d.headers.put("Origin", pick(d, List.of("http://evil.example", "null", "file://")));
            }
        }
        return true;
    }

    // ---- the draft of one request ------------------------------------------------------------------------------

    /** A place in the body: a property of an object or an item of an array, with its schema. */
    private record Slot(JsonNode parent, String key, int index, JsonNode schema, int depth) {

        JsonNode value() {
            return key != null ? parent.get(key) : parent.get(index);
        }

        void set(JsonNode value) {
            if (key != null) {
                ((ObjectNode) parent).set(key, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }
    }

    private final class Draft {
        final Operation op;
        final SplittableRandom random;
        String method;
        String pathSuffix = "";
        final Map<String, String> pathValues = new LinkedHashMap<>();
        final List<Map.Entry<String, String>> query = new ArrayList<>();
        final Map<String, String> headers = new LinkedHashMap<>();
        JsonNode tree;
        final List<Slot> slots = new ArrayList<>();
        final Map<String, String> markers = new LinkedHashMap<>();
        final List<UnaryOperator<byte[]>> textEdits = new ArrayList<>();
        final List<String> attacks = new ArrayList<>();
        String contentType = "application/json";
        boolean forceBody;
        /** Where the definite defect is: extras must not overwrite it or anything that holds it. */
        JsonNode guardParent;
        String guardKey;
        int guardIndex = -1;
        /** Query parameters the definite defect is in (or left out): extras leave them alone. */
        final Set<String> guardedParams = new java.util.HashSet<>();

        Draft(Operation op, SplittableRandom random) {
            this.op = op;
            this.random = random;
            this.method = op.method();
            for (Param param : op.params("path")) {
                pathValues.put(param.name(), encode(plausibleParam(param, random)));
            }
            for (Param param : op.params("query")) {
                if (param.required() || random.nextInt(4) == 0) {
                    query.add(Map.entry(param.name(), plausibleParam(param, random)));
                }
            }
            if (op.hasBody()) {
                tree = op.example() != null && random.nextBoolean() ? op.example().deepCopy() : plausible(op, op.bodySchema(), random, 0);
                collect(tree, op.bodySchema(), 0);
            }
        }

        private void collect(JsonNode node, JsonNode schema, int depth) {
            JsonNode resolved = op.resolve(schema);
            if (depth > 8) {
                return;
            }
            if (node instanceof ObjectNode object) {
                JsonNode properties = resolved.path("properties");
                JsonNode additional = resolved.path("additionalProperties");
                for (String key : new ArrayList<>(object.propertyNames())) {
                    JsonNode propertySchema = properties.has(key) ? op.resolve(properties.get(key))
                            : additional.isObject() ? op.resolve(additional) : JsonNodeFactory.instance.objectNode();
                    slots.add(new Slot(object, key, -1, propertySchema, depth));
                    collect(object.get(key), propertySchema, depth + 1);
                }
            } else if (node instanceof ArrayNode array) {
                JsonNode items = op.resolve(resolved.path("items"));
                for (int i = 0; i < array.size(); i++) {
                    slots.add(new Slot(array, null, i, items, depth));
                    collect(array.get(i), items, depth + 1);
                }
            }
        }

        /**
         * A random slot that fits, or null. Slots replaced by an earlier attack keep their place. An operation that
         * answers a list item by item (a batch: 200 with a result per item) refuses a bad item in its answer, not with
         * a 4xx: its definite defects go in the envelope, its items only get the extras.
         */
        Slot pickSlot(java.util.function.Predicate<Slot> fits) {
            boolean envelopeOnly = op.perItemAnswers() && attacks.isEmpty();
            List<Slot> fitting = slots.stream().filter(s -> s.value() != null && (!envelopeOnly || s.depth() == 0)
                    && !guardedSlot(s) && fits.test(s)).toList();
            return fitting.isEmpty() ? null : fitting.get(random.nextInt(fitting.size()));
        }

        void guard(Slot slot) {
            guardParent = slot.parent();
            guardKey = slot.key();
            guardIndex = slot.index();
        }

        /** Whether changing this node (replacing it) would undo the definite defect: it is the defect or holds it. */
        boolean guarded(JsonNode node) {
            return guardParent != null && holds(node, guardParent);
        }

        private boolean guardedSlot(Slot slot) {
            if (guardParent == null) {
                return false;
            }
            boolean itself = slot.parent() == guardParent && (guardKey != null ? guardKey.equals(slot.key()) : guardIndex == slot.index()
                    && guardIndex >= 0);
            return itself || holds(slot.value(), guardParent);
        }

        private static boolean holds(JsonNode node, JsonNode target) {
            if (node == target) {
                return true;
            }
            if (node == null || !node.isContainer()) {
                return false;
            }
            for (JsonNode child : node) {
                if (child.isContainer() && holds(child, target)) {
                    return true;
                }
            }
            return false;
        }

        String raw(String text) {
            String marker = RAW.formatted(markers.size());
            markers.put("\"" + marker + "\"", text);
            return marker;
        }

        String duplicate(String key) {
            String marker = DUPLICATE.formatted(markers.size());
            markers.put("\"" + marker + "\"", "\"" + key.replace("\"", "\\\"") + "\"");
            return marker;
        }

        FuzzRequest build(long index, boolean definite) {
            String path = op.path();
            for (Map.Entry<String, String> value : pathValues.entrySet()) {
                path = path.replace("{" + value.getKey() + "}", value.getValue());
            }
            StringBuilder target = new StringBuilder(path).append(pathSuffix);
            for (int i = 0; i < query.size(); i++) {
                target.append(i == 0 ? '?' : '&').append(encode(query.get(i).getKey())).append('=').append(encode(query.get(i).getValue()));
            }
            byte[] body = null;
            if (tree != null || forceBody) {
                String text = tree == null ? "" : json.writeValueAsString(tree);
                for (Map.Entry<String, String> marker : markers.entrySet()) {
                    text = text.replace(marker.getKey(), marker.getValue());
                }
                body = text.getBytes(StandardCharsets.UTF_8);
                for (UnaryOperator<byte[]> edit : textEdits) {
                    body = edit.apply(body);
                }
            }
            List<Map.Entry<String, String>> all = new ArrayList<>();
            if (body != null) {
                all.add(Map.entry("Content-Type", contentType));
            }
            headers.forEach((name, value) -> all.add(Map.entry(name, value)));
            return new FuzzRequest(index, op, method, target.toString(), List.copyOf(all), body, body == null ? -1 : body.length,
                    List.copyOf(attacks), definite);
        }
    }

    // ---- plausible values (the base every attack starts from) -------------------------------------------------

    private static String plausibleParam(Param param, SplittableRandom random) {
        String name = param.name().toLowerCase(Locale.ROOT);
        if (param.type().equals("integer")) {
            return Integer.toString(random.nextInt(1, 20));
        }
        if (param.format().equals("date-time")) {
            return "2026-11-20T10:00:00Z";
        }
        if (name.contains("year")) {
            return Integer.toString(2020 + random.nextInt(8));
        }
        if (name.equals("district")) {
            return "maidstone";
        }
        if (name.equals("quarter")) {
            return "2026-Q3";
        }
        if (name.equals("pathway")) {
            return "youth-prevention";
        }
        return "fuzz-" + Long.toHexString(random.nextLong());
    }

    /** A value of the schema's shape: the document's own values where it names them, placeholders elsewhere. */
    JsonNode plausible(Operation op, JsonNode schema, SplittableRandom random, int depth) {
        JsonNode s = op.resolve(schema);
        if (s.has("enum") && !s.get("enum").isEmpty()) {
            return s.get("enum").get(random.nextInt(s.get("enum").size())).deepCopy();
        }
        String type = typeOf(s);
        if (type == null) {
            return nodes.stringNode("fuzz");
        }
        switch (type) {
            case "object" -> {
                ObjectNode object = nodes.objectNode();
                if (depth > 5) {
                    return object;
                }
                Set<String> required = new java.util.HashSet<>();
                s.path("required").valueStream().forEach(r -> required.add(r.asString()));
                Iterator<Map.Entry<String, JsonNode>> properties = s.path("properties").properties().iterator();
                while (properties.hasNext()) {
                    Map.Entry<String, JsonNode> property = properties.next();
                    if (required.contains(property.getKey()) || random.nextBoolean()) {
                        object.set(property.getKey(), plausible(op, property.getValue(), random, depth + 1));
                    }
                }
                if (!s.has("properties") && s.path("additionalProperties").isObject() && !s.get("additionalProperties").isEmpty()) {
                    object.set("maidstone", plausible(op, s.get("additionalProperties"), random, depth + 1));
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = nodes.arrayNode();
                int count = Math.min(1 + random.nextInt(2), s.path("maxItems").asInt(2));
                for (int i = 0; i < count && depth <= 5; i++) {
                    array.add(plausible(op, s.path("items"), random, depth + 1));
                }
                return array;
            }
            case "integer" -> {
                long min = s.path("minimum").asLong(1);
                long max = s.path("maximum").asLong(min + 10);
                return nodes.numberNode(min + random.nextLong(Math.max(1, Math.min(max - min + 1, 10))));
            }
            case "number" -> {
                return nodes.numberNode(1.5);
            }
            case "boolean" -> {
                return nodes.booleanNode(true);
            }
            default -> {
                String format = s.path("format").asString("");
                if (format.equals("date")) {
                    return nodes.stringNode("2026-11-" + (10 + random.nextInt(10)));
                }
                if (format.equals("date-time")) {
                    return nodes.stringNode("2026-11-20T10:00:00Z");
                }
                String value = "fuzz-value";
                String pattern = s.path("pattern").asString("");
                java.util.regex.Matcher alternatives = Pattern.compile("\\^\\(?([a-z0-9|-]+)\\)?\\$").matcher(pattern);
                if (alternatives.matches()) {
                    String[] choices = alternatives.group(1).split("\\|");
                    value = choices[random.nextInt(choices.length)];
                }
                int maxLength = s.path("maxLength").asInt(Integer.MAX_VALUE);
                return nodes.stringNode(value.length() > maxLength ? value.substring(0, maxLength) : value);
            }
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /** The schema's JSON type, or null when it does not say (any value fits). */
    static String typeOf(JsonNode schema) {
        if (schema.has("type")) {
            return schema.get("type").asString();
        }
        if (schema.has("properties")) {
            return "object";
        }
        if (schema.has("items")) {
            return "array";
        }
        return null;
    }

    private String hostile(Draft d) {
        return HOSTILE.get(d.random.nextInt(HOSTILE.size()));
    }

    private static <T> T pick(Draft d, List<T> values) {
        return values.get(d.random.nextInt(values.size()));
    }

    private ObjectNode obj(String key, Object value) {
        ObjectNode object = nodes.objectNode();
        if (value == null) {
            object.putNull(key);
        } else if (value instanceof String s) {
            object.put(key, s);
        } else if (value instanceof Integer i) {
            object.put(key, i);
        } else if (value instanceof Boolean b) {
            object.put(key, b);
        } else {
            object.set(key, (JsonNode) value);
        }
        return object;
    }

    private ArrayNode arr(String value) {
        return nodes.arrayNode().add(value);
    }

    /** Text of about {@code length} characters: one letter repeated, hostile strings, or multi-byte characters. */
    private static String filler(Draft d, int length) {
        return switch (d.random.nextInt(4)) {
            // lower-cased by a careless check, each 'İ' (U+0130) makes String.toLowerCase copy its whole result again
            case 3 -> "İ".repeat(Math.min(length, 600_000));
            case 0 -> "A".repeat(length);
            case 1 -> {
                StringBuilder text = new StringBuilder(length + 64);
                while (text.length() < length) {
                    text.append(HOSTILE.get(d.random.nextInt(HOSTILE.size()))).append(' ');
                }
                yield text.substring(0, length);
            }
            default -> "é".repeat(length / 2) + "🎉".repeat((length - length / 2) / 2) + ((length - length / 2) % 2 == 1 ? "x" : "");
        };
    }

    /**
     * Text of exactly {@code length} characters of the Basic Multilingual Plane, so as many code points as UTF-16 units:
     * longer than a maximum however a service counts.
     */
    private static String bmpFiller(Draft d, int length) {
        return switch (d.random.nextInt(3)) {
            case 0 -> "A".repeat(length);
            case 1 -> {
                StringBuilder text = new StringBuilder(length + 64);
                while (text.length() < length) {
                    String hostile = HOSTILE.get(d.random.nextInt(HOSTILE.size()));
                    if (hostile.codePointCount(0, hostile.length()) == hostile.length()) {
                        text.append(hostile).append(' ');
                    }
                }
                yield text.substring(0, length);
            }
            default -> "é".repeat(length);
        };
    }

    private static String asciiFiller(Draft d, int length) {
        return (d.random.nextBoolean() ? "A" : "%").repeat(length);
    }

    /** Printable ASCII only: what an HTTP header may carry at all. */
    private static String ascii(String value) {
        StringBuilder out = new StringBuilder();
        value.chars().forEach(c -> out.append(c >= 0x20 && c < 0x7F ? (char) c : '?'));
        return out.toString();
    }

    private static boolean looksLikeNumber(String value) {
        try {
            new java.math.BigDecimal(value.strip());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Percent-encodes everything but RFC 3986's unreserved characters (UTF-8). */
    static String encode(String value) {
        StringBuilder out = new StringBuilder(value.length() * 3);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }
}
