package org.saferkent.victims.victimcase.adapter.out.referrals;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.time.LocalDate;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.saferkent.platform.service.security.ClientCredentialsTokens;
import org.saferkent.victims.FakeReferrals;
import org.saferkent.victims.victimcase.application.SubjectLookup;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/** The claim-check client against a real HTTP server on 127.0.0.1: answers, outages, slowness, nonsense. */
class ReferralsSubjectClientTest {

    private static final FakeReferrals REFERRALS = FakeReferrals.start();
    private final CountDownLatch release = new CountDownLatch(1);
    /** Not what these tests are about: room for a loaded machine (the builds run two test JVMs at once). */
    private static final Duration TOKEN_TIMEOUT = Duration.ofSeconds(10);
    private HttpServer odd;
    private ExecutorService oddThreads;

    @AfterEach
    void stop() {
        REFERRALS.comeBack();
        release.countDown();
        if (odd != null) {
            odd.stop(0);
            oddThreads.shutdownNow();
        }
    }

    @Test
    void theSubjectsDetailsAreFound() {
        REFERRALS.holdSubject("r-found", """
                {"name":"Ada Example","dateOfBirth":"1990-02-03","postcode":"ME14 1XX","phone":null,
                 "email":"ada@example.org","address":"2 High Street","narrative":"n","extra":"ignored"}""");

        SubjectLookup lookup = client(REFERRALS.baseUrl()).lookUp("r-found");

        assertThat(lookup).isInstanceOfSatisfying(SubjectLookup.Found.class, found -> {
            assertThat(found.details().name()).isEqualTo("Ada Example");
            assertThat(found.details().dateOfBirth()).isEqualTo(LocalDate.parse("1990-02-03"));
            assertThat(found.details().toString()).doesNotContain("Ada");
        });
    }

    @Test
    void aReferralWithoutDetailsIsNotHeld() {
        assertThat(client(REFERRALS.baseUrl()).lookUp("r-unknown")).isInstanceOf(SubjectLookup.NotHeld.class);
    }

    @Test
    void anOutageIsRetriedThenReportedAndRepeatedOutagesOpenTheCircuit() {
        ReferralsSubjectClient client = client(REFERRALS.baseUrl());
        REFERRALS.goDown();

        SubjectLookup first = client.lookUp("r-down");

        assertThat(first).isInstanceOfSatisfying(SubjectLookup.Unavailable.class,
                u -> assertThat(u.reason()).isEqualTo("referrals answered HTTP 503"));
        assertThat(REFERRALS.unavailableAnswers("r-down")).isEqualTo(3);
        client.lookUp("r-down");
        SubjectLookup afterwards = client.lookUp("r-down");
        assertThat(afterwards).isInstanceOfSatisfying(SubjectLookup.Unavailable.class,
                u -> assertThat(u.reason()).startsWith("circuit open"));
        assertThat(REFERRALS.unavailableAnswers("r-down")).isLessThan(9);
    }

    @Test
    void nobodyListeningIsUnavailable() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }

        SubjectLookup lookup = client("http://127.0.0.1:" + port).lookUp("r-1");

        assertThat(lookup).isInstanceOfSatisfying(SubjectLookup.Unavailable.class,
                u -> assertThat(u.reason()).startsWith("referrals unreachable"));
    }

    @Test
    void aSlowAnswerIsCutShortByTheTimeLimit() throws IOException {
        String base = oddServer(exchange -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(exchange, 200, "{}");
        });

        SubjectLookup lookup = client(base).lookUp("r-slow");

        assertThat(lookup).isInstanceOfSatisfying(SubjectLookup.Unavailable.class,
                u -> assertThat(u.reason()).isEqualTo("referrals did not answer in time"));
    }

    @Test
    void anAnswerThatIsNotTheSubjectIsReportedWithoutQuotingIt() throws IOException {
        String base = oddServer(exchange -> answer(exchange, 200, """
                {"name":"Secret Person","dateOfBirth":"the fourth of July"}"""));

        SubjectLookup lookup = client(base).lookUp("r-odd");

        assertThat(lookup).isInstanceOfSatisfying(SubjectLookup.Unavailable.class, u -> {
            assertThat(u.reason()).startsWith("unreadable answer from referrals").contains("dateOfBirth");
            assertThat(u.reason()).doesNotContain("Secret", "fourth");
        });
    }

    @Test
    void aRefusedTokenIsReplacedByAFreshOneAndTheClaimCheckRetried() throws IOException {
        // one server plays both parts: the identity server's token endpoint and referrals, which refuses
        // the first token it sees (as after an identity server restart with a new key) and takes the next
        AtomicInteger tokensIssued = new AtomicInteger();
        List<String> presented = new CopyOnWriteArrayList<>();
        String base = oddServer(exchange -> {
            if (exchange.getRequestURI().getPath().equals("/oauth2/token")) {
                answer(exchange, 200, "{\"access_token\":\"token-" + tokensIssued.incrementAndGet()
                        + "\",\"token_type\":\"Bearer\",\"expires_in\":900}");
                return;
            }
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            presented.add(authorization + " " + exchange.getRequestHeaders().getFirst("X-Access-Purpose"));
            if ("Bearer token-1".equals(authorization)) {
                answer(exchange, 401, "{}");
                return;
            }
            answer(exchange, 200, "{\"name\":\"Tom Token\"}");
        });
        ClientCredentialsTokens tokens = new ClientCredentialsTokens(URI.create(base + "/oauth2/token"), "svc-victims",
                "svc-victims-local-secret", TOKEN_TIMEOUT, Clock.systemUTC());
        ReferralsSubjectClient client = new ReferralsSubjectClient(new ReferralsSubjectClient.Settings(base, TOKEN_TIMEOUT,
                TOKEN_TIMEOUT, 3, Duration.ofMillis(10), 50, 4, Duration.ofSeconds(30), 2), tokens);

        SubjectLookup lookup = client.lookUp("r-token");

        assertThat(lookup).isInstanceOf(SubjectLookup.Found.class);
        assertThat(presented).containsExactly("Bearer token-1 claim-check", "Bearer token-2 claim-check");
        assertThat(tokensIssued).hasValue(2);
    }

    @Test
    void aTokenIsKeptForLaterCallsUntilAMinuteBeforeItExpires() throws IOException {
        AtomicInteger tokensIssued = new AtomicInteger();
        java.util.concurrent.atomic.AtomicLong lifetime = new java.util.concurrent.atomic.AtomicLong(900);
        String base = oddServer(exchange -> {
            if (exchange.getRequestURI().getPath().equals("/oauth2/token")) {
                answer(exchange, 200, "{\"access_token\":\"token-" + tokensIssued.incrementAndGet()
                        + "\",\"token_type\":\"Bearer\",\"expires_in\":" + lifetime.get() + "}");
                return;
            }
            answer(exchange, 200, "{\"name\":\"Kay Kept\"}");
        });
        ClientCredentialsTokens tokens = new ClientCredentialsTokens(URI.create(base + "/oauth2/token"), "svc-victims",
                "svc-victims-local-secret", TOKEN_TIMEOUT, Clock.systemUTC());

        assertThat(tokens.bearer()).isEqualTo("Bearer token-1");
        assertThat(tokens.bearer()).isEqualTo("Bearer token-1");
        assertThat(tokensIssued).hasValue(1);

        lifetime.set(30); // a token that expires within the minute is replaced at each use
        tokens.invalidate();
        assertThat(tokens.bearer()).isEqualTo("Bearer token-2");
        assertThat(tokens.bearer()).isEqualTo("Bearer token-3");
    }

    @Test
    void aTokenRefusedByTheIdentityServerIsAnOutageNotACrash() throws IOException {
        String base = oddServer(exchange -> answer(exchange, 401, "{\"error\":\"invalid_client\"}"));
        ClientCredentialsTokens tokens = new ClientCredentialsTokens(URI.create(base + "/oauth2/token"), "svc-victims",
                "wrong-secret", TOKEN_TIMEOUT, Clock.systemUTC());

        org.assertj.core.api.Assertions.assertThatThrownBy(tokens::bearer).isInstanceOf(IOException.class)
                .hasMessageContaining("svc-victims");
    }

    private static ReferralsSubjectClient client(String baseUrl) {
        return new ReferralsSubjectClient(new ReferralsSubjectClient.Settings(baseUrl, Duration.ofSeconds(1),
                Duration.ofMillis(300), 3, Duration.ofMillis(10), 50, 4, Duration.ofSeconds(30), 2));
    }

    private String oddServer(HttpHandler handler) throws IOException {
        odd = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        oddThreads = Executors.newCachedThreadPool();
        odd.setExecutor(oddThreads);
        odd.createContext("/", handler);
        odd.start();
        return "http://127.0.0.1:" + odd.getAddress().getPort();
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
