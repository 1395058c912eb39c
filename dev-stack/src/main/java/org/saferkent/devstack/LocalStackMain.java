package org.saferkent.devstack;

import java.lang.management.ManagementFactory;
import java.util.concurrent.CancellationException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code run-local.sh}: starts the local stack, prints where everything is, and stops it all on
 * Ctrl-C or SIGTERM.
 *
 * <p>A launcher killed with SIGKILL runs no shutdown hook: its service contexts and the MongoDB server
 * die with it (the store answers a write only once it is in the file, so nothing acknowledged is lost),
 * and the broker stops itself when it sees its stdin close (see {@link KafkaBrokerMain}). A broker that
 * dies while the launcher lives is started again by the launcher (see {@link LocalStack}).
 * {@code CrashRecoveryIT} kills both, in turn, under load.
 */
public final class LocalStackMain {

    /** Read by local-stack-logback.xml. */
    static final String LOG_DIR_PROPERTY = "saferkent.stack.log-dir";
    static final String CONSOLE_LEVEL_PROPERTY = "saferkent.stack.console-level";
    private static final String LOGBACK_CONFIG = "org/saferkent/devstack/local-stack-logback.xml";
    /** Logs to the file only (see local-stack-logback.xml): for stack traces the console need not show. */
    static final String TRACE_LOGGER = "org.saferkent.devstack.trace";

    private LocalStackMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        LocalStackOptions options;
        try {
            options = LocalStackOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(LocalStackOptions.usage());
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(LocalStackOptions.usage());
            return;
        }
        configureLogging(options);
        Logger log = LoggerFactory.getLogger(LocalStackMain.class);
        // Read by now; left set, Spring Boot would warn that it ignores it (it is given logging.config).
        System.clearProperty("logback.configurationFile");

        LocalStack stack = new LocalStack(options);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("Stopping the local stack...");
            long began = System.nanoTime();
            stack.close();
            log.info("Local stack stopped in {}", LocalStack.since(began));
        }, "local-stack-shutdown"));

        try {
            stack.start();
        } catch (CancellationException e) {
            return; // Ctrl-C during start: the shutdown hook is already cleaning up
        } catch (Exception e) {
            // The console gets the cause in one line (Spring's failure analysis, if any, is already
            // above it); the full trace goes to the log file only.
            log.error("The local stack did not start: {}\n  (full stack trace in {})", Failures.summary(e),
                    options.logsDir().resolve("stack.log"));
            LoggerFactory.getLogger(TRACE_LOGGER).error("The local stack did not start", e);
            System.exit(1);
            return;
        }
        double sinceJvmStart = ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0;
        System.out.print(StartupReport.render(stack, sinceJvmStart));
        System.out.flush();
        stack.awaitClosed();
    }

    /**
     * Before the first logger exists: logback reads its configuration once, when SLF4J first binds. The
     * same file is handed to every service context, so one configuration governs the whole JVM.
     */
    private static void configureLogging(LocalStackOptions options) {
        System.setProperty(LOG_DIR_PROPERTY, options.logsDir().toString());
        System.setProperty(CONSOLE_LEVEL_PROPERTY, options.verbose() ? "INFO" : "WARN");
        System.setProperty("logback.configurationFile", LOGBACK_CONFIG);
    }
}
