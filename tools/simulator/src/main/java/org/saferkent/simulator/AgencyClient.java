package org.saferkent.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The services' HTTP APIs as the agencies and practitioners use them, each call with its client's token. */
public final class AgencyClient {

    /** Clients of the practitioners' work (see the identity server's configuration). */
    public static final String VICTIMS_CASEWORKER = "victims-caseworker";
    public static final String RJ_PRACTITIONER = "rj-practitioner";
    public static final String PCC_OFFICE = "pcc-office";

    private final HttpClient http;
    private final TokenSource tokens;
    /** Where the services answer: one instance of each, or several taken in turn ({@link #instances(List)}). */
    private volatile List<ServiceUrls> instances;
    private final AtomicLong turn = new AtomicLong();
    private final JsonMapper json = JsonMapper.builder().build();

    public AgencyClient(HttpClient http, TokenSource tokens, ServiceUrls urls) {
        this.http = http;
        this.tokens = tokens;
        this.instances = List.of(urls);
    }

    /** Where the services answer; with several instances of each, the next of them in turn. */
    public ServiceUrls urls() {
        List<ServiceUrls> current = instances;
        return current.size() == 1 ? current.get(0) : current.get((int) Math.floorMod(turn.getAndIncrement(), (long) current.size()));
    }

    /**
     * Sends every later call to these instances of the services, each call to the next in turn, as a load balancer in
     * front of them would (and as one drops an instance that stopped).
     */
    public void instances(List<ServiceUrls> instances) {
        if (instances.isEmpty()) {
            throw new IllegalArgumentException("at least one instance of the services");
        }
        this.instances = List.copyOf(instances);
    }

    public JsonMapper json() {
        return json;
    }

    public HttpResponse<String> postReferral(SimulatedReferral referral) {
        return post(urls().referrals() + "/api/referrals", TokenSource.agencyClient(referral.agency()), referral.body());
    }

    /** One agency's nightly export: every referral of the batch must come from that agency. */
    public HttpResponse<String> postBatch(String agency, List<SimulatedReferral> referrals) {
        return post(urls().referrals() + "/api/referrals/batch", TokenSource.agencyClient(agency),
                Map.of("referrals", referrals.stream().map(SimulatedReferral::body).toList()));
    }

    public HttpResponse<String> post(String url, String clientId, Object body) {
        return post(url, clientId, body, Duration.ofSeconds(30));
    }

    public HttpResponse<String> post(String url, String clientId, Object body, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        return send(request, clientId);
    }

    public HttpResponse<String> get(String url, String clientId) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET(), clientId);
    }

    public JsonNode read(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String clientId) {
        tokens.authorization(clientId).ifPresent(value -> request.header("Authorization", value));
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.build().uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The same stack is up again (its identity server keeps its key): keep the tokens, ask the issuer again. */
    public void stackRestarted() {
        tokens.recheckIssuer();
    }

    /** A new stack (with a new identity server) is up: fetch tokens afresh. */
    public void forgetTokens() {
        tokens.forget();
    }
}
