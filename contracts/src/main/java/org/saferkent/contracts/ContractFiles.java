package org.saferkent.contracts;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the committed contracts live ({@code <repo>/contracts}), found by walking up from the
 * working directory, so every module's tests read the same files whatever their depth.
 */
public final class ContractFiles {

    private ContractFiles() {
    }

    /** The {@code contracts} folder at the repository's root. */
    public static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("contracts");
            if (Files.isDirectory(candidate.resolve("schemas"))) {
                return candidate;
            }
            if (dir.getFileName() != null && dir.getFileName().toString().equals("contracts")
                    && Files.isDirectory(dir.resolve("schemas"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("contracts/schemas not found above " + Path.of("").toAbsolutePath());
    }

    public static Path schemas() {
        return root().resolve("schemas");
    }

    public static Path baseline() {
        return root().resolve("baseline");
    }

    /** The committed pacts; {@code -Dcontracts.pacts-dir} points elsewhere (the gate's own tests). */
    public static Path pacts() {
        String elsewhere = System.getProperty("contracts.pacts-dir");
        return elsewhere != null ? Path.of(elsewhere) : root().resolve("pacts");
    }

    public static Path asyncApi() {
        return root().resolve("asyncapi.yaml");
    }

    /** {@code schemas/<prefix>/<wire-name>.schema.json}, prefix = the wire name's first part. */
    public static Path schemaFile(Path schemasDir, String wireName) {
        return schemasDir.resolve(wireName.substring(0, wireName.indexOf('.'))).resolve(wireName + ".schema.json");
    }
}
