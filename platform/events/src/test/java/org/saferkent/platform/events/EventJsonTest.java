package org.saferkent.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class EventJsonTest {

    record Person(String name, int age, List<String> tags) {
    }

    record Stamped(String id, Instant at) {
    }

    private final EventJson json = new EventJson();

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void unknownFieldsAreIgnoredSoProducersMayAddOptionalFields() {
        Person person = json.read(bytes("""
                {"name":"Ann","age":41,"tags":["a"],"addedLater":{"nested":true},"another":7}
                """), Person.class);

        assertThat(person).isEqualTo(new Person("Ann", 41, List.of("a")));
    }

    @Test
    void whatIsWrittenReadsBackTheSame() {
        Stamped stamped = new Stamped("s-1", Instant.parse("2026-03-01T09:15:30.123Z"));

        assertThat(json.read(json.write(stamped), Stamped.class)).isEqualTo(stamped);
    }

    @Test
    void instantsAreWrittenAsIsoTextNotNumbers() {
        String text = json.writeString(new Stamped("s-1", Instant.parse("2026-03-01T09:15:30Z")));

        assertThat(text).contains("\"at\":\"2026-03-01T09:15:30Z\"");
    }

    @Test
    void malformedJsonIsAnInvalidEventGivingThePositionButNotTheContent() {
        assertThatThrownBy(() -> json.read(bytes("{\"name\": Jane Doe, \"age\": 3}"), Person.class))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageStartingWith("malformed JSON")
                .hasMessageContaining("line 1, column ")
                .message().doesNotContain("Jane").doesNotContain("Doe");
    }

    @Test
    void truncatedJsonIsAnInvalidEvent() {
        assertThatThrownBy(() -> json.read(bytes("{\"name\":\"Jane Doe\""), Person.class))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageStartingWith("malformed JSON")
                .message().doesNotContain("Jane Doe");
    }

    @Test
    void aValueOfTheWrongTypeIsAnInvalidEventNamingTheFieldButNotTheValue() {
        assertThatThrownBy(() -> json.read(bytes("{\"name\":\"Ann\",\"age\":\"Jane Doe\"}"), Person.class))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageStartingWith("payload does not fit the event")
                .hasMessageContaining("field 'age'")
                .message().doesNotContain("Jane Doe");
    }

    @Test
    void aWrongTypeInsideAListNamesTheElement() {
        assertThatThrownBy(() -> json.read(bytes("{\"name\":\"Ann\",\"tags\":[\"ok\",{\"who\":\"Jane Doe\"}]}"), Person.class))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("field 'tags.[1]'")
                .message().doesNotContain("Jane Doe");
    }

    @Test
    void anEmptyPayloadIsAnInvalidEvent() {
        assertThatThrownBy(() -> json.read(new byte[0], Person.class))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("empty payload");
        assertThatThrownBy(() -> json.read(null, Person.class))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("empty payload");
    }

    @Test
    void theFailureDoesNotCarryJacksonsOwnMessageAsACause() {
        assertThatThrownBy(() -> json.read(bytes("{\"name\":\"Ann\",\"age\":\"Jane Doe\"}"), Person.class))
                .isInstanceOf(InvalidEventException.class)
                .hasNoCause();
    }
}
