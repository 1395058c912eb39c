package org.saferkent.ops.bindings;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every configured service's consumer bindings, through its {@code /actuator/bindings}, always with the
 * access token of the person (or operations client) asking: the service checks their scopes itself
 * (ops.read to read, ops.write to pause or resume) and audits a change under their name. ops-monitor
 * never uses credentials of its own here. A service that does not answer is {@code unreachable}, not
 * an error.
 */
public class ServiceBindings {

    private static final Logger log = LoggerFactory.getLogger(ServiceBindings.class);

    /** One consumer binding as the service reports it; {@code state} is {@code running}, {@code paused} or {@code stopped}. */
    public record Binding(String name, String destination, String group, String state, boolean pausable) {
    }

    /**
     * One service's bindings, or why there are none to show.
     *
     * @param status {@code ok}, {@code unreachable} (no answer), {@code refused} (the service refused the
     *               person's token) or {@code unavailable} (it answered, but not with its bindings)
     */
    public record ServiceBindingList(String service, String status, String detail, List<Binding> bindings) {
    }

    /** What came of a pause or resume: {@code status} is the HTTP status ops-monitor answers with. */
    public record Change(int status, String title, String detail, Binding binding) {

        boolean done() {
            return status == 200;
        }
    }

    private final List<String> targets;
    private final UnaryOperator<String> resolve;
    private final Duration timeout;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();

    /**
     * @param targets {@code name=base-url} entries (the same list as the health poll's)
     * @param resolve resolves placeholders in a URL (at each call: {@code ${local.server.port}})
     */
    public ServiceBindings(List<String> targets, UnaryOperator<String> resolve, Duration timeout) {
        this.targets = List.copyOf(targets);
        this.resolve = resolve;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    /** Every service's bindings, asked of all services at once with the caller's token. */
    public List<ServiceBindingList> list(String accessToken) {
        Map<String, String> services = services();
        List<CompletableFuture<ServiceBindingList>> answers = new ArrayList<>();
        services.forEach((service, base) -> answers.add(http.sendAsync(
                        request(base + "/actuator/bindings", accessToken).GET().build(),
                        HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(response -> read(service, response))
                .exceptionally(failure -> unreachable(service, failure))));
        return answers.stream().map(CompletableFuture::join).toList();
    }

    /** Pauses or resumes ({@code PAUSED}, {@code RESUMED}) one binding of one service, as the caller. */
    public Change change(String service, String binding, String state, String accessToken) {
        String base = services().get(service);
        if (base == null) {
            return new Change(404, "Unknown service", "ops-monitor watches no service of that name.", null);
        }
        String url = base + "/actuator/bindings/" + URLEncoder.encode(binding, StandardCharsets.UTF_8);
        try {
            HttpResponse<byte[]> response = http.send(request(url, accessToken)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"state\":\"" + state + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return switch (response.statusCode()) {
                case 200, 204 -> current(service, base, binding, accessToken)
                        .map(now -> new Change(200, null, null, now))
                        .orElseGet(() -> new Change(502, "No answer after the change",
                                service + " took the change but did not report the binding's state.", null));
                case 401, 403 -> new Change(403, "Refused by the service",
                        service + " refused the change: it needs ops.write on your own sign-in.", null);
                case 404 -> new Change(404, "Unknown binding", service + " has no binding of that name.", null);
                default -> new Change(502, "The service failed", service + " answered " + response.statusCode() + ".", null);
            };
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Change(503, "Service unreachable", service + " did not answer.", null);
        } catch (Exception e) {
            log.warn("Changing binding {} of {} failed: {}", binding, service, e.getClass().getSimpleName());
            return new Change(503, "Service unreachable", service + " did not answer.", null);
        }
    }

    private Optional<Binding> current(String service, String base, String binding, String accessToken) throws Exception {
        HttpResponse<byte[]> response = http.send(request(base + "/actuator/bindings", accessToken).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return read(service, response).bindings().stream().filter(b -> b.name().equals(binding)).findFirst();
    }

    private ServiceBindingList read(String service, HttpResponse<byte[]> response) {
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            return new ServiceBindingList(service, "refused", "refused your sign-in (" + status + ")", List.of());
        }
        if (status != 200) {
            return new ServiceBindingList(service, "unavailable", "answered " + status, List.of());
        }
        try {
            JsonNode listed = json.readTree(response.body());
            if (!listed.isArray()) {
                return new ServiceBindingList(service, "unavailable", "answered something other than its bindings", List.of());
            }
            List<Binding> bindings = new ArrayList<>();
            for (JsonNode node : listed) {
                if (!node.path("input").asBoolean(true)) {
                    continue; // a producer binding: nothing of the platform's is published through the binder
                }
                bindings.add(new Binding(node.path("bindingName").asString(""), node.path("name").asString(""),
                        node.path("group").asString(""), state(node), node.path("pausable").asBoolean(false)));
            }
            return new ServiceBindingList(service, "ok", null, bindings);
        } catch (RuntimeException unreadable) {
            return new ServiceBindingList(service, "unavailable", "answered something other than its bindings", List.of());
        }
    }

    private static String state(JsonNode binding) {
        String state = binding.path("state").asString("");
        if (!state.isBlank() && !"N/A".equals(state)) {
            return state;
        }
        return binding.path("paused").asBoolean(false) ? "paused" : binding.path("running").asBoolean(false) ? "running" : "stopped";
    }

    private static ServiceBindingList unreachable(String service, Throwable failure) {
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        String detail = cause instanceof HttpTimeoutException ? "did not answer in time" : "did not answer";
        return new ServiceBindingList(service, "unreachable", detail, List.of());
    }

    private HttpRequest.Builder request(String url, String accessToken) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + accessToken);
    }

    /** {@code name -> base URL}, placeholders resolved now, in configuration order. */
    private Map<String, String> services() {
        Map<String, String> services = new LinkedHashMap<>();
        for (String target : targets) {
            int eq = target.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String base = resolve.apply(target.substring(eq + 1).trim());
            services.put(target.substring(0, eq).trim(), base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        }
        return services;
    }
}
