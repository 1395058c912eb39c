package org.saferkent.platform.service.pages;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers for the page and the API: only this origin's scripts, styles and connections (the
 * page uses no inline script or style and loads nothing from elsewhere), no framing, no sniffing, no
 * referrer. Forms may be sent to this origin only (a plain GET form, such as a page's picker that works without
 * script) and, as the browser checks a sent form's redirects too, on to the identity server's sign-in when the
 * session has ended.
 */
public class SecurityHeadersFilter extends OncePerRequestFilter {

    public static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /**
     * The Swagger UI's pages only (springdoc's, served from this service): the same policy, but Swagger UI's bundle
     * injects one fixed stylesheet, allowed by its hash (not 'unsafe-inline'). A new Swagger UI version with another
     * stylesheet shows up in SwaggerUiBrowserIT.
     */
    public static final String SWAGGER_UI_CSP = CSP.replace("style-src 'self';",
            "style-src 'self' 'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w=';");

    private final String csp;
    private final String swaggerUiCsp;

    public SecurityHeadersFilter() {
        this(null);
    }

    /** @param signInOrigin the identity server's origin ({@code http://127.0.0.1:8090}), or null when there is none */
    public SecurityHeadersFilter(String signInOrigin) {
        String formAction = "form-action 'self'" + (signInOrigin == null || signInOrigin.isBlank() ? "" : " " + signInOrigin);
        this.csp = CSP.replace("form-action 'self'", formAction);
        this.swaggerUiCsp = SWAGGER_UI_CSP.replace("form-action 'self'", formAction);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", request.getRequestURI().startsWith("/swagger-ui/") ? swaggerUiCsp : csp);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        response.setHeader("Cross-Origin-Resource-Policy", "same-origin");
        if (request.getRequestURI().startsWith("/api/")) {
            response.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, response);
    }
}
