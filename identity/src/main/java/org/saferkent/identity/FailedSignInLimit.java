package org.saferkent.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guessing passwords and client secrets is slowed to a stop: after {@code limit} failed sign-ins (the login
 * form) or failed client authentications (the token endpoint) for one name, or {@code 10 × limit} from one
 * address, within {@code window}, further attempts are answered {@code 429} with {@code Retry-After} until the
 * oldest failure leaves the window — before any password is checked. Successes do not count. Failures are
 * counted in this instance's memory (bounded), or where there is a store in the store every instance shares
 * ({@link StoredFailures}), so that several instances behind one entry point do not multiply the attempts.
 */
class FailedSignInLimit extends OncePerRequestFilter {

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Failures failures;

    /** @param failures where failures are counted: this instance's memory, or the store every instance shares */
    FailedSignInLimit(int limit, Duration window, Clock clock, Failures failures) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
        this.failures = failures;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !("/login".equals(request.getServletPath()) || "/oauth2/token".equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean login = "/login".equals(request.getServletPath());
        String name = (login ? "user:" : "client:") + bounded(login ? request.getParameter("username") : clientOf(request));
        String address = "address:" + request.getRemoteAddr();
        Instant now = clock.instant();
        Duration wait = max(failures.retryAfter(name, limit, window, now), failures.retryAfter(address, limit * 10, window, now));
        if (!wait.isZero()) {
            response.setStatus(429);
            response.setHeader("Retry-After", Long.toString(Math.max(1, wait.toSeconds())));
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("Too many failed sign-in attempts; try again later.");
            return;
        }
        chain.doFilter(request, response);
        boolean failed = login ? isFailedLogin(response) : response.getStatus() == 401;
        if (failed) {
            failures.record(name, now, window);
            failures.record(address, now, window);
        }
    }

    /** The form login answers a failure with a redirect to {@code /login?error}. */
    private static boolean isFailedLogin(HttpServletResponse response) {
        String location = response.getHeader("Location");
        return response.getStatus() / 100 == 3 && location != null && location.contains("/login?error");
    }

    /** Failed attempts by name or address within the window. */
    interface Failures {

        /** How long until fewer than {@code allowed} failures of {@code key} are in the window ending {@code now}. */
        Duration retryAfter(String key, int allowed, Duration window, Instant now);

        void record(String key, Instant now, Duration window);
    }

    /** This instance's own count, bounded (the least recently failed names are forgotten first). */
    static final class InMemoryFailures implements Failures {

        private static final int MAX_KEYS = 10_000;

        private final int keptPerKey;
        private final Map<String, Deque<Instant>> failures = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
                return size() > MAX_KEYS;
            }
        };

        InMemoryFailures(int keptPerKey) {
            this.keptPerKey = keptPerKey;
        }

        @Override
        public synchronized Duration retryAfter(String key, int allowed, Duration window, Instant now) {
            Deque<Instant> times = failures.get(key);
            if (times == null) {
                return Duration.ZERO;
            }
            while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(window))) {
                times.pollFirst();
            }
            if (times.size() < allowed) {
                return Duration.ZERO;
            }
            return Duration.between(now, times.peekFirst().plus(window));
        }

        @Override
        public synchronized void record(String key, Instant now, Duration window) {
            failures.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(now);
            Deque<Instant> times = failures.get(key);
            while (times.size() > keptPerKey) {
                times.pollFirst();
            }
        }
    }

    /** The client of a token request: HTTP Basic's user, else the {@code client_id} parameter. */
    private static String clientOf(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? decoded : decoded.substring(0, colon);
            } catch (IllegalArgumentException e) {
                return "";
            }
        }
        return request.getParameter("client_id");
    }

    private static String bounded(String value) {
        if (value == null) {
            return "";
        }
        return value.length() > 200 ? value.substring(0, 200) : value;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
