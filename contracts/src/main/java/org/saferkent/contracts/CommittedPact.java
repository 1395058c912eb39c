package org.saferkent.contracts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.annotations.Pact;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Keeps the committed pact (contracts/pacts) exactly what the consumer's tests state. Pact writes the
 * pact under target/pacts; after it has, this compares it with the committed one and fails the
 * consumer's build when they differ, so producers — which verify the committed file — never check an
 * out-of-date expectation, whatever order the reactor builds the modules in. Run the consumer's tests
 * with {@code -Dcontracts.update-pacts=true} to copy the new pact over, then commit the diff.
 *
 * <p>Registered before {@code PactConsumerTestExt} (see {@link ConsumerPactTest}) so that its
 * after-all step runs after Pact has written the file.
 */
public class CommittedPact implements AfterAllCallback {

    public static final String UPDATE = "contracts.update-pacts";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        Class<?> testClass = context.getRequiredTestClass();
        PactTestFor pactTestFor = testClass.getAnnotation(PactTestFor.class);
        String consumer = consumerOf(testClass);
        if (pactTestFor == null || consumer == null || context.getExecutionException().isPresent()) {
            return; // nothing written, or the consumer's own tests failed: that failure is the news
        }
        String file = consumer + "-" + pactTestFor.providerName() + ".json";
        Path written = Path.of(System.getProperty("pact.rootDir", "target/pacts")).resolve(file);
        Path committed = ContractFiles.pacts().resolve(file);
        if (!Files.exists(written)) {
            throw new AssertionError("Pact wrote no " + written);
        }
        if (Files.exists(committed) && withoutMetadata(committed).equals(withoutMetadata(written))) {
            return;
        }
        if (Boolean.getBoolean(UPDATE)) {
            Files.createDirectories(committed.getParent());
            Files.copy(written, committed, StandardCopyOption.REPLACE_EXISTING);
            return;
        }
        throw new AssertionError("What " + consumer + " expects of " + pactTestFor.providerName() + " has changed: "
                + written + " differs from the committed " + committed + ". Run this module's tests with -D" + UPDATE
                + "=true and commit contracts/pacts/" + file + " so that " + pactTestFor.providerName() + " verifies it.");
    }

    private static String consumerOf(Class<?> testClass) {
        for (Method method : testClass.getDeclaredMethods()) {
            Pact pact = method.getAnnotation(Pact.class);
            if (pact != null && !pact.consumer().isBlank()) {
                return pact.consumer();
            }
        }
        return null;
    }

    private static JsonNode withoutMetadata(Path pact) {
        try {
            ObjectNode tree = (ObjectNode) JSON.readTree(Files.readString(pact));
            tree.remove("metadata"); // the Pact JVM version that wrote it
            return tree;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
