package org.saferkent.platform.service.bindings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.saferkent.platform.service.security.PersonalDataAudit;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.EndpointWebExtension;
import org.springframework.cloud.stream.binder.Binding;
import org.springframework.cloud.stream.binding.BindingsLifecycleController.State;
import org.springframework.cloud.stream.endpoint.BindingsEndpoint;
import org.springframework.util.MimeType;

/**
 * Spring Cloud Stream's {@code POST /actuator/bindings/{name}} ({@code {"state":"PAUSED"}}, {@code RESUMED},
 * {@code STOPPED}, {@code STARTED}) as the service answers it over HTTP: a binding the service does not
 * have is a 404 problem (the endpoint itself would answer 204 and do nothing), and every change is written
 * to the service's audit trail under the caller's name ({@code pause-binding}, {@code resume-binding},
 * ...; the binding's name; what it is now). Reading is the endpoint's own. The security chain lets only
 * ops.write through to here.
 */
@EndpointWebExtension(endpoint = BindingsEndpoint.class)
public class AuditedBindingsEndpoint {

    private static final MimeType PROBLEM = MimeType.valueOf("application/problem+json");

    private final BindingsEndpoint bindings;
    private final PersonalDataAudit audit;

    /** @param audit the service's audit trail, or {@code null} when it has none (no store) */
    public AuditedBindingsEndpoint(BindingsEndpoint bindings, PersonalDataAudit audit) {
        this.bindings = bindings;
        this.audit = audit;
    }

    @WriteOperation
    public WebEndpointResponse<Object> changeState(@Selector String name, State state) {
        if (bindings.queryState(name).isEmpty()) {
            return new WebEndpointResponse<>(problem(404, "No such binding", "This service has no binding of that name."),
                    WebEndpointResponse.STATUS_NOT_FOUND, PROBLEM);
        }
        bindings.changeState(name, state);
        List<Binding<?>> now = bindings.queryState(name);
        if (audit != null) {
            audit.operatorAction(verb(state) + "-binding", "binding", name, describe(now));
        }
        return new WebEndpointResponse<>(now, WebEndpointResponse.STATUS_OK);
    }

    private static String verb(State state) {
        return switch (state) {
            case PAUSED -> "pause";
            case RESUMED -> "resume";
            case STOPPED -> "stop";
            case STARTED -> "start";
        };
    }

    /** What the binding is now: {@code paused}, {@code running} or {@code stopped}. */
    private static String describe(List<Binding<?>> bindings) {
        Binding<?> binding = bindings.get(0);
        return binding.isPaused() ? "paused" : binding.isRunning() ? "running" : "stopped";
    }

    private static Map<String, Object> problem(int status, String title, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        return problem;
    }
}
