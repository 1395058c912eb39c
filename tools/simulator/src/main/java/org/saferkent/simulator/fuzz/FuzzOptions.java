package org.saferkent.simulator.fuzz;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.saferkent.simulator.CommandLine;
import org.saferkent.simulator.ServiceUrls;

/** fuzz.sh's command line. */
public record FuzzOptions(long requests, long seed, int concurrency, ServiceUrls urls, String issuer, String mongoUri, Path openApiDir,
        Path accessMatrix, Duration timeout, boolean checkStore, long show, boolean help) {

    public static final String USAGE = """
            Usage: fuzz.sh [options]   (hostile requests to every operation of a running stack, e.g. ./run-local.sh)
              --requests N         how many (default 10000); operations take turns
              --seed S             the same seed gives the same requests (default 1)
              --concurrency N      requests in flight at most (default 4)
              --base-urls LIST     service=url pairs, e.g. referrals=http://127.0.0.1:8081 (default: the local stack)
              --issuer URL         identity server the tokens come from (default http://127.0.0.1:8090)
              --mongo-uri URI      the stack's store, counted before and after (default mongodb://127.0.0.1:27017)
              --no-store-check     do not count the store's documents
              --openapi-dir DIR    the committed OpenAPI documents (default: contracts/openapi above the working directory)
              --access-matrix F    who may call what (default: access-matrix.txt beside the documents' directory)
              --timeout SECONDS    give up on an answer after this long (default 10)
              --show INDEX         print the request of that index (with --seed) and send nothing: to replay a finding
            Exit status: 0 when no answer was 5xx, every request was answered and no service database holds a document
            more or less than before (audit_trail aside: refusals and personal-data reads are audited by design); 1 otherwise.
            """;

    public Map<String, String> baseUrls() {
        return urls.byName();
    }

    public static FuzzOptions parse(String... args) {
        long requests = 10_000;
        long seed = 1;
        int concurrency = 4;
        String urls = null;
        String issuer = "http://127.0.0.1:8090";
        String mongoUri = "mongodb://127.0.0.1:27017";
        Path openApiDir = null;
        Path accessMatrix = null;
        long timeout = 10;
        boolean checkStore = true;
        boolean help = false;
        long show = -1;
        CommandLine line = new CommandLine(args, USAGE);
        while (line.next()) {
            switch (line.name()) {
                case "-h", "--help" -> help = true;
                case "--no-store-check" -> checkStore = false;
                case "--requests" -> requests = Long.parseLong(line.value());
                case "--seed" -> seed = Long.parseLong(line.value());
                case "--concurrency" -> concurrency = Integer.parseInt(line.value());
                case "--base-urls" -> urls = line.value();
                case "--issuer" -> issuer = line.value();
                case "--mongo-uri" -> mongoUri = line.value();
                case "--openapi-dir" -> openApiDir = Path.of(line.value());
                case "--access-matrix" -> accessMatrix = Path.of(line.value());
                case "--timeout" -> timeout = Long.parseLong(line.value());
                case "--show" -> show = Long.parseLong(line.value());
                default -> throw line.unknown();
            }
        }
        if (requests < 1 || requests > Integer.MAX_VALUE || concurrency < 1 || timeout < 1) {
            throw new IllegalArgumentException("--requests, --concurrency and --timeout must be at least 1\n" + USAGE);
        }
        if (help) {
            return new FuzzOptions(requests, seed, concurrency, ServiceUrls.LOCAL, issuer, mongoUri, openApiDir, accessMatrix,
                    Duration.ofSeconds(timeout), checkStore, show, true);
        }
        Path documents = openApiDir != null ? openApiDir : ApiOperations.findOpenApiDir();
        return new FuzzOptions(requests, seed, concurrency, ServiceUrls.parse(urls), issuer, mongoUri, documents,
                accessMatrix != null ? accessMatrix : documents.resolveSibling("access-matrix.txt"), Duration.ofSeconds(timeout),
                checkStore, show, false);
    }

    public FuzzRun.Settings settings() {
        return new FuzzRun.Settings(requests, seed, concurrency, baseUrls(), issuer, mongoUri, ApiOperations.load(openApiDir, accessMatrix),
                timeout, checkStore);
    }
}
