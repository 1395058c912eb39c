package org.saferkent.ops;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.saferkent.ops.deadletters.PersonalDataMask;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalDataMaskTest {

    private static final String TYPE = "opstest.Everything.v1";
    /** An allow-list that names every field of these payloads, personal-looking ones included. */
    private final PersonalDataMask mask = new PersonalDataMask(JsonMapper.builder().build(), java.util.Map.of(TYPE, java.util.Set.of(
            "referralId", "district", "subject", "role", "name", "firstName", "last_name", "dateOfBirth", "dob", "postcode", "address",
            "line1", "town", "phone", "email", "homeAddress", "narrative", "contact", "note", "where", "intl", "crimeReference",
            "incidentDate", "at", "id", "count", "items")));

    private JsonNode masked(String json) {
        return mask.maskJson(json.getBytes(StandardCharsets.UTF_8), TYPE);
    }

    @Test
    void aFieldNotOnItsEventTypesAllowListIsMaskedWhateverItHolds() {
        JsonNode out = mask.maskJson("{\"referralId\":\"r-1\",\"district\":\"maidstone\",\"extra\":{\"colour\":\"blue\"}}"
                .getBytes(StandardCharsets.UTF_8), "opstest.Unlisted.v1");
        assertThat(out.toString()).isEqualTo("{\"referralId\":\"***\",\"district\":\"***\",\"extra\":{\"colour\":\"***\"}}");
    }

    @Test
    void fieldsNamedLikePersonalDataAreMaskedWhateverTheyHoldEvenWhenListed() {
        JsonNode out = masked("""
                {"referralId":"r-1","district":"maidstone","subject":{"role":"victim","name":"Alex Example","firstName":"Alex",
                 "last_name":"Example","dateOfBirth":"1988-03-14","dob":"14/03/1988","postcode":"ME14 1XX",
                 "address":{"line1":"1 High St","town":"Maidstone"},"phone":"01622 123456","email":"a@b.org",
                 "homeAddress":"1 High St","narrative":"long story"}}""");
        JsonNode subject = out.path("subject");
        assertThat(out.path("referralId").asString()).isEqualTo("r-1");
        assertThat(out.path("district").asString()).isEqualTo("maidstone");
        assertThat(subject.path("role").asString()).isEqualTo("victim");
        assertThat(subject.path("address").toString()).isEqualTo("{\"line1\":\"***\",\"town\":\"***\"}"); // the shape stays
        for (String field : new String[] {"name", "firstName", "last_name", "dateOfBirth", "dob", "postcode", "phone",
                "email", "homeAddress", "narrative"}) {
            assertThat(subject.path(field).asString()).as(field).isEqualTo("***");
        }
        assertThat(out.toString()).doesNotContain("Alex", "Example", "1988", "ME14", "High St", "01622", "a@b.org", "long story");
    }

    @Test
    void stringsThatLookLikeAnEmailPhoneOrPostcodeAreMaskedUnderAnyListedName() {
        JsonNode out = masked("""
                {"contact":"alex@example.org","note":"ring 07700 900123 today","where":"CT9 1XX","intl":"+44 7700 900123",
                 "crimeReference":"46/1234/26","incidentDate":"2026-11-20","at":"2026-11-20T09:15:30Z",
                 "id":"3f9e2a7b-1c4d-4e8f-9a0b-1c2d3e4f5a6b","count":3,"items":["ok","bob@example.com"]}""");
        assertThat(out.path("contact").asString()).isEqualTo("***");
        assertThat(out.path("note").asString()).isEqualTo("***");
        assertThat(out.path("where").asString()).isEqualTo("***");
        assertThat(out.path("intl").asString()).isEqualTo("***");
        assertThat(out.path("items").get(1).asString()).isEqualTo("***");
        assertThat(out.path("items").get(0).asString()).isEqualTo("ok");
        assertThat(out.path("crimeReference").asString()).isEqualTo("46/1234/26");
        assertThat(out.path("incidentDate").asString()).isEqualTo("2026-11-20");
        assertThat(out.path("at").asString()).isEqualTo("2026-11-20T09:15:30Z");
        assertThat(out.path("id").asString()).isEqualTo("3f9e2a7b-1c4d-4e8f-9a0b-1c2d3e4f5a6b");
        assertThat(out.path("count").asInt()).isEqualTo(3);
    }

    @Test
    void aPayloadThatIsNotJsonKeepsItsKeysAndLosesItsValues() {
        assertThat(mask.maskJson("{\"referralId\":".getBytes(StandardCharsets.UTF_8), TYPE)).isNull();
        assertThat(mask.maskText("{\"referralId\":\"r-1\",\"name\":\"Alex Ex".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("{\"referralId\":\"***\",\"name\":\"***");
        assertThat(mask.maskText("name=Alex, email alex@example.org, ME14 1XX".getBytes(StandardCharsets.UTF_8)))
                .doesNotContain("alex@example.org", "ME14 1XX");
    }

    @Test
    void headersAreMaskedOnlyWhenTheyLookPersonal() {
        assertThat(mask.maskHeader("referrals.ReferralRouted.v1")).isEqualTo("referrals.ReferralRouted.v1");
        assertThat(mask.maskHeader("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
                .isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        assertThat(mask.maskHeader("2026-11-28T15:05:59.355Z")).isEqualTo("2026-11-28T15:05:59.355Z");
        assertThat(mask.maskHeader("alex@example.org")).isEqualTo("***");
    }
}
