package org.saferkent.ops.deadletters;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Masks what may be personal data in a dead-lettered payload before anyone sees it. Inspection uses
 * {@link #maskJson(byte[], String)}: an allow-list per event type, every value not on it masked. Even an
 * allowed field is masked when its name looks personal (name, date of birth, postcode, address, phone,
 * email, narrative ...) or its value looks like an email address, a phone number or a UK postcode; the
 * same patterns mask text that is not JSON ({@link #maskText}, which keeps its shape with every quoted
 * value masked) and headers ({@link #maskHeader}). Ids, types, districts and the structure stay readable
 * where listed, which is what finding the cause needs.
 */
public final class PersonalDataMask {

    public static final String MASK = "***";

    private static final Set<String> PERSONAL_NAMES = Set.of("name", "firstname", "lastname", "fullname", "surname",
            "forename", "forenames", "givenname", "familyname", "middlename", "maidenname", "preferredname", "alias",
            "dateofbirth", "dob", "birthdate", "postcode", "zipcode", "address", "phone", "telephone", "mobile",
            "phonenumber", "email", "emailaddress", "narrative", "nhsnumber", "ninumber", "nationalinsurancenumber");
    private static final List<String> PERSONAL_PARTS = List.of("name", "address", "phone", "email", "postcode", "birth",
            "narrative", "mobile");
    /** Names that end in "name" yet never hold a person's: kept readable. */
    private static final Set<String> NOT_PERSONAL = Set.of("servicename", "typename", "topicname", "eventname",
            "filename", "hostname", "username_hash", "clockname", "circuitname", "groupname", "agencyname", "cspname");

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    private static final Pattern POSTCODE = Pattern.compile("\\b[A-Za-z]{1,2}[0-9][A-Za-z0-9]?\\s*[0-9][A-Za-z]{2}\\b");
    private static final Pattern PHONE = Pattern.compile("(?<![\\w/-])\\+?\\(?[0-9][0-9 ()-]{8,}[0-9](?![\\w/-])");
    private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"(\\s*:)?");

    private final JsonMapper json;
    private final Map<String, Set<String>> readableFields;

    public PersonalDataMask(JsonMapper json) {
        this(json, Map.of());
    }

    /**
     * @param readableFields per event type ({@code ce_type}), the fields whose values inspection may show;
     *                       {@link #maskJson(byte[], String)} masks every other value, and every value of an
     *                       event type not listed
     */
    public PersonalDataMask(JsonMapper json, Map<String, Set<String>> readableFields) {
        this.json = json;
        this.readableFields = Map.copyOf(readableFields);
    }

    /**
     * The payload as JSON with only what {@code eventType}'s allow-list names readable: every other value,
     * at any depth, is masked (names and structure stay), and an allowed value that still looks personal
     * is masked too. Null when the payload is not JSON (see {@link #maskText}).
     */
    public JsonNode maskJson(byte[] payload, String eventType) {
        JsonNode tree = readJson(payload);
        Set<String> readable = eventType == null ? Set.of() : readableFields.getOrDefault(eventType, Set.of());
        return tree == null ? null : allowOnly(tree, readable, false, false);
    }

    /**
     * @param underPersonal inside a field whose name looks personal (an {@code address} object, say): every
     *                      value below it is masked, whatever the allow-list says of its own name
     */
    private JsonNode allowOnly(JsonNode node, Set<String> readable, boolean allowed, boolean underPersonal) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.properties().forEach(entry -> names.add(entry.getKey()));
            for (String field : names) {
                boolean personal = underPersonal || isPersonalField(field);
                object.set(field, allowOnly(object.get(field), readable, readable.contains(field) && !personal, personal));
            }
            return object;
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, allowOnly(array.get(i), readable, allowed, underPersonal));
            }
            return array;
        }
        if (node.isNull() || (allowed && !(node.isString() && looksPersonal(node.asString())))) {
            return node;
        }
        return json.getNodeFactory().stringNode(MASK);
    }

    /** The allow-lists shipped with ops-monitor ({@code dead-letter-readable-fields.properties}), plus {@code extra}. */
    public static Map<String, Set<String>> shippedReadableFields(Map<String, List<String>> extra) {
        java.util.Properties shipped = new java.util.Properties();
        try (java.io.InputStream in = PersonalDataMask.class.getResourceAsStream("/dead-letter-readable-fields.properties")) {
            if (in != null) {
                shipped.load(in);
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("dead-letter-readable-fields.properties cannot be read", e);
        }
        Map<String, Set<String>> fields = new java.util.HashMap<>();
        shipped.forEach((type, names) -> fields.put((String) type, fieldSet(List.of(((String) names).split(",")))));
        extra.forEach((type, names) -> fields.put(type, fieldSet(names)));
        return fields;
    }

    private static Set<String> fieldSet(List<String> names) {
        Set<String> set = new java.util.HashSet<>();
        for (String name : names) {
            if (!name.isBlank()) {
                set.add(name.trim());
            }
        }
        return Set.copyOf(set);
    }

    /** The payload's JSON tree, or null when there is none or it is not JSON. */
    private JsonNode readJson(byte[] payload) {
        if (payload == null || payload.length == 0) {
            return null;
        }
        try {
            return json.readTree(payload);
        } catch (JacksonException notJson) {
            return null;
        }
    }

    /**
     * Text that is not JSON (a truncated or malformed record): every quoted value is masked (keys stay),
     * and anything looking like an email, phone number or postcode outside quotes too.
     */
    public String maskText(byte[] payload) {
        if (payload == null) {
            return null;
        }
        String text = new String(payload, java.nio.charset.StandardCharsets.UTF_8);
        Matcher quoted = QUOTED.matcher(text);
        StringBuilder out = new StringBuilder();
        while (quoted.find()) {
            boolean isKey = quoted.group(2) != null;
            quoted.appendReplacement(out, Matcher.quoteReplacement(isKey ? quoted.group() : "\"" + MASK + "\""));
        }
        quoted.appendTail(out);
        // an unterminated string at the end (a truncated record) is masked too
        String masked = out.toString();
        int lastQuote = masked.lastIndexOf('"');
        if (lastQuote >= 0 && countQuotes(masked) % 2 == 1) {
            masked = masked.substring(0, lastQuote + 1) + MASK;
        }
        return maskPatterns(masked);
    }

    /** Header values are masked too when they look personal (they should never be). */
    public String maskHeader(String value) {
        return value != null && looksPersonal(value) ? MASK : value;
    }

    static boolean isPersonalField(String field) {
        String normalised = field.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
        if (NOT_PERSONAL.contains(normalised)) {
            return false;
        }
        if (PERSONAL_NAMES.contains(normalised)) {
            return true;
        }
        for (String part : PERSONAL_PARTS) {
            if (normalised.contains(part)) {
                return true;
            }
        }
        return false;
    }

    static boolean looksPersonal(String value) {
        return EMAIL.matcher(value).find() || POSTCODE.matcher(value).find() || looksLikePhone(value);
    }

    private static boolean looksLikePhone(String value) {
        Matcher m = PHONE.matcher(value);
        while (m.find()) {
            long digits = m.group().chars().filter(Character::isDigit).count();
            if (digits >= 10 && digits <= 15) {
                return true;
            }
        }
        return false;
    }

    private static String maskPatterns(String text) {
        String masked = EMAIL.matcher(text).replaceAll(MASK);
        masked = POSTCODE.matcher(masked).replaceAll(MASK);
        Matcher phone = PHONE.matcher(masked);
        StringBuilder out = new StringBuilder();
        while (phone.find()) {
            long digits = phone.group().chars().filter(Character::isDigit).count();
            phone.appendReplacement(out, Matcher.quoteReplacement(digits >= 10 && digits <= 15 ? MASK : phone.group()));
        }
        phone.appendTail(out);
        return out.toString();
    }

    private static int countQuotes(String text) {
        int count = 0;
        boolean escaped = false;
        for (char c : text.toCharArray()) {
            if (c == '\\' && !escaped) {
                escaped = true;
                continue;
            }
            if (c == '"' && !escaped) {
                count++;
            }
            escaped = false;
        }
        return count;
    }

}
