package org.saferkent.rj;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.saferkent.platform.service.security.ClientCredentialsTokens;
import org.saferkent.platform.test.SecuredApi;
import org.saferkent.platform.test.WithRealInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * Who may do what in restorative justice, through real HTTP with real tokens: RJ practitioners read and
 * work cases and read disposals and youth-justice measures; only managers approve direct contact; only Kent
 * Police and the Youth Offending Service post disposals; nobody else does any of it. RJ holds pseudonyms only and has no
 * route to anyone's personal data: no endpoint serves it, and the service has no token to fetch it.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = "spring.config.name=restorative-justice")
@WithRealInfrastructure
class RjSecurityIT {

    private static final List<String> READS = List.of("/api/rj-cases/rj-unknown", "/api/disposals",
            "/api/youth-justice/first-time-entrants");
    private static final List<String> WRITES = List.of("/api/rj-cases", "/api/rj-cases/rj-unknown/closure");

    @Value("${local.server.port}")
    private int port;

    @Autowired
    private ApplicationContext context;

    @Test
    void withoutATokenNothingButHealthAnswers() {
        SecuredApi anonymous = SecuredApi.at(port).anonymous();
        READS.forEach(path -> assertThat(anonymous.get(path).statusCode()).as(path).isEqualTo(401));
        WRITES.forEach(path -> assertThat(anonymous.post(path, "{}").statusCode()).as(path).isEqualTo(401));
        assertThat(anonymous.get("/actuator/health").statusCode()).isEqualTo(200);
    }

    @Test
    void onlyPractitionersReadAndWork() {
        for (String client : List.of("ops", "auditor", "dpo", "agency-kent-police")) {
            SecuredApi as = SecuredApi.at(port).as(client);
            READS.forEach(path -> assertForbidden(as.get(path), client + " " + path));
            WRITES.forEach(path -> assertForbidden(as.post(path, "{}"), client + " " + path));
        }
        // tokens meant for other services only (their aud): not taken here at all
        for (String client : List.of("pcc-office", "victims-caseworker", "svc-victims", "agency-maidstone-bc")) {
            SecuredApi as = SecuredApi.at(port).as(client);
            READS.forEach(path -> assertThat(as.get(path).statusCode()).as(client + " " + path).isEqualTo(401));
            WRITES.forEach(path -> assertThat(as.post(path, "{}").statusCode()).as(client + " " + path).isEqualTo(401));
        }
        SecuredApi practitioner = SecuredApi.at(port).as(RjApi.PRACTITIONER);
        READS.forEach(path -> assertThat(practitioner.get(path).statusCode()).as(path).isNotIn(401, 403));
        WRITES.forEach(path -> assertThat(practitioner.post(path, "{}").statusCode()).as(path).isNotIn(401, 403));
    }

    @Test
    void onlyManagersApproveDirectContactAndOnlyKentPoliceAndTheYosPostDisposals() {
        String approval = "/api/rj-cases/rj-unknown/manager-approval";
        for (String client : List.of(RjApi.PRACTITIONER, "ops", "agency-kent-police")) {
            assertForbidden(SecuredApi.at(port).as(client).post(approval, "{}"), client + " " + approval);
        }
        assertThat(SecuredApi.at(port).as(RjApi.MANAGER).post(approval, "{}").statusCode()).isEqualTo(404);

        for (String client : List.of(RjApi.PRACTITIONER, RjApi.MANAGER, "ops")) {
            assertForbidden(SecuredApi.at(port).as(client).post("/api/disposals", "{}"), client + " /api/disposals");
        }
        // an agency that posts no disposals holds no token for restorative justice at all
        assertThat(SecuredApi.at(port).as("agency-maidstone-bc").post("/api/disposals", "{}").statusCode()).isEqualTo(401);
        for (String agency : List.of("kent-police", "kcc-youth-offending-service")) {
            assertThat(SecuredApi.at(port).asAgency(agency).post("/api/disposals", "{}").statusCode()).as(agency).isEqualTo(422);
            // an agency reads no cases, and works none
            assertForbidden(SecuredApi.at(port).asAgency(agency).get("/api/disposals"), agency);
            assertForbidden(SecuredApi.at(port).asAgency(agency).post("/api/rj-cases", "{}"), agency);
        }
    }

    @Test
    void restorativeJusticeHasNoRouteToPersonalData() {
        SecuredApi practitioner = SecuredApi.at(port).as(RjApi.PRACTITIONER);
        assertThat(practitioner.get("/api/rj-cases/rj-unknown/details").statusCode()).isEqualTo(404);
        assertThat(practitioner.get("/api/referrals/any/subject").statusCode()).isEqualTo(404);
        // no client of its own: it could not fetch personal details from referrals even if it tried
        assertThat(context.getBeanProvider(ClientCredentialsTokens.class).getIfAvailable()).isNull();
    }

    private static void assertForbidden(HttpResponse<String> response, String what) {
        assertThat(response.statusCode()).as(what + ": " + response.body()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    }
}
