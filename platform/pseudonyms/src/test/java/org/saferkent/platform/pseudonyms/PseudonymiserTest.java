package org.saferkent.platform.pseudonyms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

class PseudonymiserTest {

    private static final byte[] SECRET = "a-test-secret-of-at-least-32-bytes!!".getBytes(StandardCharsets.UTF_8);
    private static final LocalDate DOB = LocalDate.of(1984, 7, 21);

    private final Pseudonymiser pseudonymiser = new Pseudonymiser(SECRET);

    @Test
    void namesAreFoldedToOneCaseAndSpacing() {
        assertThat(Pseudonymiser.normaliseName("  Jane   SMITH ")).isEqualTo("jane smith");
        assertThat(Pseudonymiser.normaliseName("Jane\tSmith\n")).isEqualTo("jane smith");
        assertThat(Pseudonymiser.normaliseName("Jane\u00A0Smith")).isEqualTo("jane smith");
    }

    @Test
    void namesAreUnicodeCompatibilityNormalised() {
        // fullwidth letters and a precomposed é equal their plain forms
        assertThat(Pseudonymiser.normaliseName("ＪＡＮＥ Smith")).isEqualTo("jane smith");
        assertThat(Pseudonymiser.normaliseName("Ame\u0301lie")).isEqualTo(Pseudonymiser.normaliseName("Amélie"));
    }

    @Test
    void lowerCasingIgnoresTheDefaultLocale() {
        // given a JVM whose default locale is Turkish, where "I".toLowerCase() is a dotless "ı"
        Locale original = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("tr-TR"));
        try {
            // then names still fold with Locale.ROOT
            assertThat(Pseudonymiser.normaliseName("IAN")).isEqualTo("ian");
        } finally {
            Locale.setDefault(original);
        }
    }

    @Test
    void postcodesLoseTheirSpacesAndAreUpperCased() {
        assertThat(Pseudonymiser.normalisePostcode("me14 1xx")).isEqualTo("ME141XX");
        assertThat(Pseudonymiser.normalisePostcode(" CT1  2EH ")).isEqualTo("CT12EH");
        assertThat(Pseudonymiser.normalisePostcode("tn23\t1ab")).isEqualTo("TN231AB");
    }

    @Test
    void theSamePersonWrittenDifferentlyHasOnePseudonym() {
        // given the same subject as two agencies recorded them
        String police = pseudonymiser.pseudonym("  Jane   SMITH ", DOB, "me14 1xx");
        String council = pseudonymiser.pseudonym("jane smith", DOB, "ME141XX");

        // then their pseudonyms match
        assertThat(police).isEqualTo(council);
    }

    @Test
    void thePseudonymIsLowerCaseHexHmacSha256OverTheNormalisedFields() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
        String expected = HexFormat.of().formatHex(
                mac.doFinal("jane smith\u001F1984-07-21\u001FME141XX".getBytes(StandardCharsets.UTF_8)));

        assertThat(pseudonymiser.pseudonym("Jane Smith", DOB, "ME14 1XX"))
                .isEqualTo(expected)
                .hasSize(64)
                .matches("[0-9a-f]{64}");
    }

    @Test
    void aDifferentSecretGivesADifferentPseudonym() {
        byte[] otherSecret = Arrays.copyOf(SECRET, SECRET.length);
        otherSecret[0] ^= 1;

        assertThat(new Pseudonymiser(otherSecret).pseudonym("Jane Smith", DOB, "ME14 1XX"))
                .isNotEqualTo(pseudonymiser.pseudonym("Jane Smith", DOB, "ME14 1XX"));
    }

    @Test
    void aDifferentDateOfBirthGivesADifferentPseudonym() {
        assertThat(pseudonymiser.pseudonym("Jane Smith", DOB.plusDays(1), "ME14 1XX"))
                .isNotEqualTo(pseudonymiser.pseudonym("Jane Smith", DOB, "ME14 1XX"));
    }

    @Test
    void aDifferentNameOrPostcodeGivesADifferentPseudonym() {
        String jane = pseudonymiser.pseudonym("Jane Smith", DOB, "ME14 1XX");

        assertThat(pseudonymiser.pseudonym("Jane Smyth", DOB, "ME14 1XX")).isNotEqualTo(jane);
        assertThat(pseudonymiser.pseudonym("Jane Smith", DOB, "ME15 1XX")).isNotEqualTo(jane);
    }

    @Test
    void fieldsCannotBleedIntoEachOther() {
        // the separator is whitespace, so normalisation strips it out of any field
        assertThat(Pseudonymiser.normaliseName("jane\u001Fsmith")).isEqualTo("jane smith");
        assertThat(Pseudonymiser.normalisePostcode("ME14\u001F1XX")).isEqualTo("ME141XX");
    }

    @Test
    void aSecretShorterThan32BytesIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Pseudonymiser(new byte[31]))
                .withMessageContaining("32 bytes");
    }

    @Test
    void aBlankNameIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> pseudonymiser.pseudonym("   ", DOB, "ME14 1XX"));
    }

    @Test
    void aSubjectWithNoFixedAbodeStillHasAPseudonym() {
        String withoutPostcode = pseudonymiser.pseudonym("Jane Smith", DOB, null);

        assertThat(withoutPostcode).hasSize(64).isEqualTo(pseudonymiser.pseudonym("Jane Smith", DOB, " "));
        assertThat(withoutPostcode).isNotEqualTo(pseudonymiser.pseudonym("Jane Smith", DOB, "ME14 1XX"));
    }

    @Test
    void changingTheCallersArrayDoesNotChangeTheSecret() {
        byte[] secret = Arrays.copyOf(SECRET, SECRET.length);
        Pseudonymiser own = new Pseudonymiser(secret);
        String before = own.pseudonym("Jane Smith", DOB, "ME14 1XX");

        Arrays.fill(secret, (byte) 0);

        assertThat(own.pseudonym("Jane Smith", DOB, "ME14 1XX")).isEqualTo(before);
    }

    @Test
    void theSecretNeverAppearsInToString() {
        assertThat(pseudonymiser.toString())
                .doesNotContain(new String(SECRET, StandardCharsets.UTF_8))
                .doesNotContain(HexFormat.of().formatHex(SECRET))
                .contains("redacted");
    }

    @Test
    void concurrentCallersGetTheSamePseudonym() {
        Set<String> seen = ConcurrentHashMap.newKeySet();

        IntStream.range(0, 2_000).parallel()
                .forEach(i -> seen.add(pseudonymiser.pseudonym(List.of(" Jane Smith", "JANE SMITH ").get(i % 2), DOB,
                        i % 3 == 0 ? "me14 1xx" : "ME141XX")));

        assertThat(seen).hasSize(1);
    }

    @Test
    void afterARotationNewPseudonymsUseTheCurrentSecretAndThePreviousOnesAreStillKnown() {
        byte[] next = "the-next-partnership-secret-32-bytes+".getBytes(StandardCharsets.UTF_8);
        Pseudonymiser rotated = new Pseudonymiser(next, List.of(SECRET));
        LocalDate dob = LocalDate.of(1988, 3, 14);

        String before = pseudonymiser.pseudonym("Alex Example", dob, "ME14 1XX");

        assertThat(rotated.pseudonym("Alex Example", dob, "ME14 1XX")).isNotEqualTo(before)
                .isEqualTo(new Pseudonymiser(next).pseudonym("alex  example", dob, "me141xx"));
        assertThat(rotated.previousPseudonyms(" ALEX EXAMPLE ", dob, "me14 1xx")).containsExactly(before);
        assertThat(pseudonymiser.previousPseudonyms("Alex Example", dob, "ME14 1XX")).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> new Pseudonymiser(next, List.of(new byte[31])));
        assertThat(rotated.toString()).doesNotContain("partnership").contains("redacted");
    }

    /** Issue 17: spelling variants of one person are one person. */
    @Test
    void punctuationDiacriticsAndTitlesDoNotMakeAnotherPerson() {
        assertThat(Pseudonymiser.normaliseName("O'Brien-Kelly")).isEqualTo("obrien kelly");
        assertThat(Pseudonymiser.normaliseName("o\u2019brien kelly")).isEqualTo("obrien kelly");
        assertThat(Pseudonymiser.normaliseName("Mrs. O\u00B4Brien\u2010Kelly")).isEqualTo("obrien kelly");
        assertThat(Pseudonymiser.normaliseName("Zoë Dupré")).isEqualTo("zoe dupre");
        assertThat(Pseudonymiser.normaliseName("J. R. Smith")).isEqualTo("j r smith");
        assertThat(Pseudonymiser.normaliseName("Dr Jörg Weiß")).isEqualTo("jorg weiss");
        assertThat(Pseudonymiser.normaliseName("Mr")).as("a title alone is kept").isEqualTo("mr");
        assertThat(Pseudonymiser.normaliseName("Miss Marple")).isEqualTo("marple");

        assertThat(pseudonymiser.pseudonym("Mr Seán O'Brien-Kelly", DOB, "me14 1xx"))
                .isEqualTo(pseudonymiser.pseudonym("sean o\u2019brien kelly", DOB, "ME141XX"));
        assertThat(pseudonymiser.pseudonym("Sean OBrien", DOB, "ME14 1XX"))
                .isNotEqualTo(pseudonymiser.pseudonym("Sean O Brien", DOB, "ME14 1XX")); // a space is not punctuation
    }

    /** Records keyed before names lost their punctuation are found again (and adopted) by their earlier pseudonym. */
    @Test
    void aNameWhoseKeyChangedWithTheNormalisationGivesItsEarlierPseudonym() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
        String earlier = HexFormat.of().formatHex(
                mac.doFinal("o'brien-kelly\u001F1984-07-21\u001FME141XX".getBytes(StandardCharsets.UTF_8)));

        assertThat(pseudonymiser.previousPseudonyms("O'Brien-Kelly", DOB, "ME14 1XX")).containsExactly(earlier)
                .doesNotContain(pseudonymiser.pseudonym("O'Brien-Kelly", DOB, "ME14 1XX"));
        assertThat(pseudonymiser.previousPseudonyms("Jane Smith", DOB, "ME14 1XX")).isEmpty();
    }

    @Test
    void aPersonKeyIgnoresThePostcodeAndSpellingAndIsNoPseudonym() {
        List<String> keys = pseudonymiser.personKeys("Mrs Jane O'Brien", DOB);

        assertThat(pseudonymiser.personKeys("jane obrien", DOB)).isEqualTo(keys);
        assertThat(keys).hasSize(1).allSatisfy(key -> assertThat(key).matches("[0-9a-f]{64}"));
        // domain-separated: not the pseudonym of the same person with or without a postcode
        assertThat(keys).doesNotContain(pseudonymiser.pseudonym("Jane O'Brien", DOB, null),
                pseudonymiser.pseudonym("Jane O'Brien", DOB, "ME14 1XX"));
        assertThat(pseudonymiser.personKeys("Jane O'Brien", DOB.plusDays(1))).isNotEqualTo(keys);
        assertThatIllegalArgumentException().isThrownBy(() -> pseudonymiser.personKeys(" - ", DOB));
    }

    @Test
    void aPncIdIsKeyedAfterFoldingCaseSpacesAndLeadingZerosOfItsSerial() {
        assertThat(Pseudonymiser.normalisePncId(" 2019/0012345x ")).isEqualTo("2019/12345X");
        assertThat(pseudonymiser.pncKeys("2019/0012345x")).isEqualTo(pseudonymiser.pncKeys("2019/12345X"))
                .isNotEqualTo(pseudonymiser.pncKeys("2019/12346X"));
        // under the current secret first, then each previous one
        Pseudonymiser rotated = new Pseudonymiser("another-secret-of-at-least-32-bytes!!".getBytes(StandardCharsets.UTF_8),
                List.of(SECRET));
        assertThat(rotated.pncKeys("2019/12345X")).hasSize(2).endsWith(pseudonymiser.pncKeys("2019/12345X").get(0));
        assertThat(rotated.personKeys("Jane Smith", DOB)).hasSize(2).endsWith(pseudonymiser.personKeys("Jane Smith", DOB).get(0));
    }

    @Test
    void anNhsNumberIsKeyedByItsDigitsApartFromEveryOtherKey() {
        Pseudonymiser keyed = new Pseudonymiser("an-nhs-number-test-secret-0123456789-abcdef".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(keyed.nhsKeys("943 476 5919")).isEqualTo(keyed.nhsKeys("9434765919")).hasSize(1)
                .isNotEqualTo(keyed.nhsKeys("9434765870"))
                .doesNotContain("9434765919");
        assertThat(keyed.nhsKeys("9434765919").get(0)).isNotEqualTo(keyed.pncKeys("9434765919").get(0));
    }
}
