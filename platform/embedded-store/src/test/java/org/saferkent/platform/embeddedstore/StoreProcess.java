package org.saferkent.platform.embeddedstore;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;

/** The embedded store alone in its own JVM, so a test can kill it with SIGKILL: {@code file portFile}. */
public final class StoreProcess {

    private StoreProcess() {
    }

    public static void main(String[] args) throws Exception {
        MongoServer server = new MongoServer(EmbeddedBackends.h2(args[0]));
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        Path portFile = Path.of(args[1]);
        Path partial = Path.of(args[1] + ".tmp");
        Files.writeString(partial, Integer.toString(address.getPort()));
        Files.move(partial, portFile);
        Thread.currentThread().join(); // until killed
    }
}
