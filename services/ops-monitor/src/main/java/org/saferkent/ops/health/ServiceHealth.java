package org.saferkent.ops.health;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks every configured service's {@code /actuator/health}, lazily: a periodic task polls, the API
 * answers the latest result. A service that does not answer is {@code UNREACHABLE}.
 */
public class ServiceHealth {

    private static final Logger log = LoggerFactory.getLogger(ServiceHealth.class);

    /** One service's latest answer: overall status and each component's. */
    public record Status(String service, String url, String status, Map<String, String> components, Instant checkedAt,
            String error) {
    }

    private final List<String> targets;
    private final UnaryOperator<String> resolve;
    private final Duration timeout;
    private final Clock clock;
    private final Consumer<List<Status>> onChange;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();
    private volatile List<Status> latest = List.of();

    /**
     * @param targets  {@code name=base-url} entries
     * @param resolve  resolves placeholders in a URL (at each poll)
     * @param onChange told when some service's status changed
     */
    public ServiceHealth(List<String> targets, UnaryOperator<String> resolve, Duration timeout, Clock clock,
            Consumer<List<Status>> onChange) {
        this.targets = List.copyOf(targets);
        this.resolve = resolve;
        this.timeout = timeout;
        this.clock = clock;
        this.onChange = onChange;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    public List<Status> latest() {
        return latest;
    }

    /** Polls every service now (the periodic task calls this). */
    public synchronized List<Status> poll() {
        List<Status> statuses = new ArrayList<>();
        for (String target : targets) {
            int eq = target.indexOf('=');
            if (eq <= 0) {
                log.warn("Ignoring saferkent.ops.services entry without name=url: {}", target);
                continue;
            }
            String name = target.substring(0, eq).trim();
            String base = resolve.apply(target.substring(eq + 1).trim());
            statuses.add(check(name, base));
        }
        List<Status> previous = latest;
        latest = List.copyOf(statuses);
        if (changed(previous, latest)) {
            onChange.accept(latest);
        }
        return latest;
    }

    private Status check(String name, String base) {
        String url = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/actuator/health";
        Instant now = clock.instant();
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            JsonNode body = json.readTree(response.body());
            String status = body.path("status").asString(response.statusCode() == 200 ? "UP" : "DOWN");
            Map<String, String> components = new LinkedHashMap<>();
            body.path("components").properties().forEach(entry ->
                    components.put(entry.getKey(), entry.getValue().path("status").asString("UNKNOWN")));
            return new Status(name, url, status, components, now, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Status(name, url, "UNREACHABLE", Map.of(), now, "interrupted");
        } catch (Exception e) {
            return new Status(name, url, "UNREACHABLE", Map.of(), now, e.getClass().getSimpleName());
        }
    }

    private static boolean changed(List<Status> before, List<Status> after) {
        if (before.size() != after.size()) {
            return true;
        }
        for (int i = 0; i < before.size(); i++) {
            Status a = before.get(i);
            Status b = after.get(i);
            if (!Objects.equals(a.service(), b.service()) || !Objects.equals(a.status(), b.status())
                    || !Objects.equals(a.components(), b.components())) {
                return true;
            }
        }
        return false;
    }
}
