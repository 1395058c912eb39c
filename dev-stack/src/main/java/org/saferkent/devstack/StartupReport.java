package org.saferkent.devstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The table printed once the stack is up: where everything is, and how long it took. */
final class StartupReport {

    private StartupReport() {
    }

    static String render(LocalStack stack, double secondsSinceJvmStart) {
        LocalStackOptions options = stack.options();
        Path cwd = Path.of("").toAbsolutePath();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"component", "url", "health / details"});
        if (stack.identity() != null) {
            rows.add(new String[] {"identity", stack.identity().issuerUri().toString(),
                    "tokens: " + stack.identity().tokenUri() + " (client id, secret <client id>-local-secret)"});
        }
        if (options.externalInfra()) {
            rows.add(new String[] {"identity", options.external().issuer().toString(), "running elsewhere"});
        }
        for (ServiceHost service : stack.services()) {
            rows.add(new String[] {service.service().serviceName(), service.baseUri().toString(),
                    service.healthUri().toString()});
        }
        if (options.externalInfra()) {
            rows.add(new String[] {"kafka", stack.kafkaBootstrapServers(), "running elsewhere"});
            rows.add(new String[] {"mongodb", stack.mongoUri().replaceAll("//[^@/]*@", "//***@"), "running elsewhere"});
        } else {
            rows.add(new String[] {"kafka", stack.kafkaBootstrapServers(),
                    "pid " + stack.kafka().pid() + ", log " + relative(cwd, stack.kafka().logFile())});
            rows.add(new String[] {"mongodb", stack.mongoUri(),
                    "store " + relative(cwd, stack.mongo().file()) + (options.mongoOplog() ? " (oplog on)" : "")});
        }

        int[] widths = new int[3];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format("%nSaferKent local stack is up: %.1f s since JVM start (%.1f s to start the stack)%n%n",
                secondsSinceJvmStart, stack.startupTime().toMillis() / 1000.0));
        for (String[] row : rows) {
            out.append(String.format("  %-" + widths[0] + "s  %-" + widths[1] + "s  %s%n", row[0], row[1], row[2]));
        }
        out.append(String.format("%n  data  %s%n", relative(cwd, options.dataDir())));
        if (options.launcherLogging()) {
            out.append(String.format("  logs  %s%n", relative(cwd, options.logsDir().resolve("stack.log"))));
        }
        out.append(String.format(options.externalInfra() ? "%nCtrl-C stops these services (not the broker, store or identity server).%n"
                : "%nCtrl-C stops everything.%n"));
        return out.toString();
    }

    private static String relative(Path cwd, Path path) {
        Path absolute = path.toAbsolutePath();
        return absolute.startsWith(cwd) ? "./" + cwd.relativize(absolute) : absolute.toString();
    }
}
