package org.saferkent.platform.events;

import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON for event payloads. Reading is tolerant (unknown fields are ignored, so producers may add
 * optional fields), and a failure is reported by position and field path only: Jackson's own
 * messages can quote the offending value, which may be personal data.
 */
public final class EventJson {

    private final JsonMapper mapper;

    public EventJson() {
        this(JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .build());
    }

    public EventJson(JsonMapper mapper) {
        this.mapper = mapper;
    }

    public byte[] write(Object payload) {
        return mapper.writeValueAsBytes(payload);
    }

    public String writeString(Object payload) {
        return mapper.writeValueAsString(payload);
    }

    /** @throws InvalidEventException naming the position or field when the payload does not fit {@code type} */
    public <T> T read(byte[] payload, Class<T> type) {
        if (payload == null || payload.length == 0) {
            throw new InvalidEventException("empty payload");
        }
        try {
            return mapper.readValue(payload, type);
        } catch (JacksonException e) {
            throw new InvalidEventException(describe(e), null);
        }
    }

    public JsonMapper mapper() {
        return mapper;
    }

    /** A description of a JSON failure that names where, never what. */
    public static String describe(JacksonException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidEventException invalid) {
                return invalid.getMessage(); // the payload's own check: names the field
            }
        }
        StringBuilder reason = new StringBuilder(e instanceof DatabindException ? "payload does not fit the event" : "malformed JSON");
        if (!e.getPath().isEmpty()) {
            reason.append(" at field '").append(e.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."))).append('\'');
        }
        if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
            reason.append(" (line ").append(e.getLocation().getLineNr())
                    .append(", column ").append(e.getLocation().getColumnNr()).append(')');
        }
        return reason.toString();
    }
}
