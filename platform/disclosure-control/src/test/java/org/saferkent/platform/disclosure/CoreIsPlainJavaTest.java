package org.saferkent.platform.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The library's core has no Spring or Bean Validation in it: only the auto-configuration package does. */
class CoreIsPlainJavaTest {

    @Test
    void theCorePackageImportsNothingButTheJdk() throws IOException {
        Path core = Path.of("src/main/java/org/saferkent/platform/disclosure");
        try (Stream<Path> files = Files.list(core)) {
            assertThat(files.filter(file -> file.toString().endsWith(".java")).toList())
                    .isNotEmpty()
                    .allSatisfy(file -> assertThat(Files.readAllLines(file))
                            .filteredOn(line -> line.startsWith("import "))
                            .allMatch(line -> line.startsWith("import java.") || line.startsWith("import static java.")
                                    || line.startsWith("import org.saferkent.platform.disclosure."), file.toString()));
        }
    }
}
