package org.saferkent.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Loopback port helpers: every server of the local stack listens on 127.0.0.1 only. */
final class Ports {

    static final String LOOPBACK_HOST = "127.0.0.1";

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private Ports() {
    }

    /*
     * Below Linux's ephemeral range (32768-60999): a port taken from that range can be handed to an outgoing
     * connection while its server is down (a restarted broker found its controller port taken that way).
     */
    private static final int LOWEST = 20000;
    private static final int BELOW_EPHEMERAL = 32768;

    /** A port that was free a moment ago, outside the range the OS hands to outgoing connections. */
    static int freePort() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = random.nextInt(LOWEST, BELOW_EPHEMERAL);
            if (isFree(port)) {
                return port;
            }
        }
        throw new UncheckedIOException(new IOException("No free loopback port between " + LOWEST + " and " + BELOW_EPHEMERAL));
    }

    /** 0 means "any free port", resolved now because the broker needs its ports before it starts. */
    static int resolve(int port) {
        return port == 0 ? freePort() : port;
    }

    static boolean isFree(int port) {
        if (port == 0) {
            return true;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(LOOPBACK, port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static boolean isAccepting(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(LOOPBACK, port), 250);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
