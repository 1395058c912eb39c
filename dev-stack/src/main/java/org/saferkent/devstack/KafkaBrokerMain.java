package org.saferkent.devstack;

import java.io.IOException;
import java.io.InputStream;

/**
 * Entry point of the broker's child JVM: {@code kafka.Kafka}, plus a watchdog that ends the broker
 * when the launcher is gone.
 *
 * <p>A shutdown hook in the launcher stops the broker on Ctrl-C, SIGTERM and normal exit, but nothing
 * runs in a JVM killed with SIGKILL (or one that crashes). The launcher keeps the write end of this
 * process's stdin open for its whole life, and the kernel closes it however the launcher dies: reading
 * end-of-file here is the one signal that always arrives. {@code System.exit} then runs Kafka's own
 * shutdown hook, so even this path stops the broker cleanly.
 */
public final class KafkaBrokerMain {

    /** Set to {@code true} by the launcher; without it this is plain {@code kafka.Kafka}. */
    static final String EXIT_WITH_PARENT = "saferkent.broker.exit-with-parent";

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) {
        if (Boolean.getBoolean(EXIT_WITH_PARENT)) {
            Thread watchdog = new Thread(KafkaBrokerMain::exitWhenStdinCloses, "launcher-watchdog");
            watchdog.setDaemon(true);
            watchdog.start();
        }
        kafka.Kafka.main(args);
    }

    private static void exitWhenStdinCloses() {
        InputStream stdin = System.in;
        try {
            while (stdin.read() != -1) {
                // the launcher never writes; anything read is ignored
            }
        } catch (IOException e) {
            // a broken pipe means the same as end-of-file: the launcher is gone
        }
        System.err.println("stdin closed (launcher stopping or gone): stopping the broker");
        System.exit(0);
    }
}
