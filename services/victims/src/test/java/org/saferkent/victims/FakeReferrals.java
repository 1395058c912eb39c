package org.saferkent.victims;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server standing in for the referrals API's claim check
 * ({@code GET /api/referrals/{id}/subject}) on 127.0.0.1: it serves the subjects it was given, 404
 * for others, and 503 for everything while it is "down".
 */
public final class FakeReferrals {

    private static final String PREFIX = "/api/referrals/";
    private static final String SUFFIX = "/subject";

    private final HttpServer server;
    private final Map<String, String> subjects = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> unavailableAnswers = new ConcurrentHashMap<>();
    private final AtomicBoolean down = new AtomicBoolean();
    private final Map<String, String> authorizations = new ConcurrentHashMap<>();

    private FakeReferrals(HttpServer server) {
        this.server = server;
    }

    public static FakeReferrals start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            FakeReferrals fake = new FakeReferrals(server);
            server.createContext(PREFIX, fake::answer);
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0), "fake-referrals-stop"));
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The subject JSON referrals would answer for the referral. */
    public void holdSubject(String referralId, String json) {
        subjects.put(referralId, json);
    }

    public void goDown() {
        down.set(true);
    }

    public void comeBack() {
        down.set(false);
    }

    /** The {@code Authorization} header of the last claim check for the referral, if it carried one. */
    public String authorizationFor(String referralId) {
        return authorizations.get(referralId);
    }

    /** How often the referral's details were asked for while the fake was down. */
    public int unavailableAnswers(String referralId) {
        AtomicInteger count = unavailableAnswers.get(referralId);
        return count == null ? 0 : count.get();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!"GET".equals(exchange.getRequestMethod()) || !path.endsWith(SUFFIX)) {
                send(exchange, 404, "{}");
                return;
            }
            String referralId = path.substring(PREFIX.length(), path.length() - SUFFIX.length());
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization != null) {
                authorizations.put(referralId, authorization);
            }
            if (down.get()) {
                unavailableAnswers.computeIfAbsent(referralId, id -> new AtomicInteger()).incrementAndGet();
                send(exchange, 503, "{\"title\":\"Service Unavailable\"}");
                return;
            }
            String subject = subjects.get(referralId);
            send(exchange, subject == null ? 404 : 200, subject == null ? "{\"title\":\"Not Found\"}" : subject);
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", status == 200 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
