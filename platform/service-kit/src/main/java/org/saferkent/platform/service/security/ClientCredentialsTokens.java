package org.saferkent.platform.service.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.web.client.RestClient;

/**
 * This service's own access token for calling another service (OAuth2 client credentials,
 * {@code saferkent.security.client.*}), through Spring Security's OAuth2 client: an
 * {@link AuthorizedClientServiceOAuth2AuthorizedClientManager} over one client registration, which
 * keeps the token and fetches a new one a minute before it expires. The token endpoint is called with
 * Boot's {@link RestClient} on the JDK HTTP client, time-limited. A failure to get a token is an
 * {@link IOException}: to a caller, the same as the other service being unreachable (so its retries
 * and circuit breaker apply).
 */
public class ClientCredentialsTokens {

    private static final Duration EARLY = Duration.ofSeconds(60);
    private static final String REGISTRATION = "saferkent-service";

    private final String clientId;
    private final String secret;
    private final InMemoryOAuth2AuthorizedClientService clients;
    private final AuthorizedClientServiceOAuth2AuthorizedClientManager manager;

    public ClientCredentialsTokens(URI tokenUri, String clientId, String secret, Duration timeout, Clock clock) {
        this(tokenUri, clientId, secret, timeout, clock, RestClient.builder());
    }

    /** @param restClient the service's builder (Boot's, observed); its request factory is replaced by a time-limited one */
    public ClientCredentialsTokens(URI tokenUri, String clientId, String secret, Duration timeout, Clock clock,
            RestClient.Builder restClient) {
        this.clientId = clientId;
        this.secret = secret == null ? "" : secret;
        InMemoryClientRegistrationRepository registrations = new InMemoryClientRegistrationRepository(
                ClientRegistration.withRegistrationId(REGISTRATION)
                        .clientId(clientId)
                        .clientSecret(this.secret.isBlank() ? "none" : this.secret)
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                        .tokenUri(tokenUri.toString())
                        .build());
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build());
        requests.setReadTimeout(timeout);
        RestClientClientCredentialsTokenResponseClient tokenEndpoint = new RestClientClientCredentialsTokenResponseClient();
        tokenEndpoint.setRestClient(restClient.clone()
                .requestFactory(requests)
                .configureMessageConverters(converters -> converters
                        .addCustomConverter(new FormHttpMessageConverter())
                        .addCustomConverter(new OAuth2AccessTokenResponseHttpMessageConverter()))
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
                .build());
        this.clients = new InMemoryOAuth2AuthorizedClientService(registrations);
        this.manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, clients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .clientCredentials(credentials -> credentials.accessTokenResponseClient(tokenEndpoint)
                        .clockSkew(EARLY).clock(clock))
                .build());
    }

    public String clientId() {
        return clientId;
    }

    /** {@code Bearer <token>} for the {@code Authorization} header. */
    public String bearer() throws IOException {
        if (secret.isBlank()) {
            throw new IOException("no client secret configured for " + clientId + " (saferkent.security.client.client-secret)");
        }
        OAuth2AuthorizedClient authorized;
        try {
            authorized = manager.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(REGISTRATION).principal(clientId).build());
        } catch (RuntimeException e) {
            throw new IOException("the identity server gave no token to " + clientId + ": " + e.getMessage(), e);
        }
        if (authorized == null || authorized.getAccessToken() == null) {
            throw new IOException("the identity server answered without an access token");
        }
        return "Bearer " + authorized.getAccessToken().getTokenValue();
    }

    /** Forget the token (the other service refused it: the identity server may have restarted with a new key). */
    public void invalidate() {
        clients.removeAuthorizedClient(REGISTRATION, clientId);
    }
}
