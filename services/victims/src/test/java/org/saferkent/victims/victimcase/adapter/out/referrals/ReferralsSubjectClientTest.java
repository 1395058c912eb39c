package org.saferkent.victims.victimcase.adapter.out.referrals;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.saferkent.victims.FakeReferrals;
import org.saferkent.victims.victimcase.application.SubjectLookup;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/** The claim-check client against a real HTTP server on 127.0.0.1: answers, outages, slowness, nonsense. */
class ReferralsSubjectClientTest {

    private static final FakeReferrals REFERRALS = FakeReferrals.start();
    private final CountDownLatch release = new CountDownLatch(1);
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
