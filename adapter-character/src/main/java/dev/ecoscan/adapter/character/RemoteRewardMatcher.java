package dev.ecoscan.adapter.character;

import dev.ecoscan.domain.port.CharacterCollection;
import dev.ecoscan.domain.port.RewardGrant;
import dev.ecoscan.domain.port.RewardMatcher;
import dev.ecoscan.domain.reward.CharacterCatalogue;
import dev.ecoscan.domain.reward.CollectionUnavailableException;
import dev.ecoscan.domain.reward.OwnedCharacter;
import dev.ecoscan.domain.reward.RewardOutcome;
import dev.ecoscan.domain.scan.UserId;
import dev.ecoscan.support.characters.CharacterServiceRequest;
import dev.ecoscan.support.characters.CharacterServiceRoutes;
import dev.ecoscan.support.characters.CollectionJson;
import dev.ecoscan.support.characters.RewardJson;
import dev.ecoscan.support.characters.RewardRequestJson;
import dev.ecoscan.support.http.OutboundHttp;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Rewards from a remote character service over HTTP, with eco-scan's wire format
 * ({@link CharacterServiceRoutes}, {@link RewardRequestJson}, {@link RewardJson}, {@link CollectionJson}).
 *
 * <p>A scan never fails because of rewards: {@link #match} is only called for a reward the pipeline has
 * already decided with {@link dev.ecoscan.domain.reward.RewardPolicy} (a {@link RewardGrant}: no call
 * for a scan that cannot earn anything), retries connect errors, timeouts and 5xx with
 * backoff, never past the request's deadline, stops calling a failing service for a while (a circuit
 * breaker), and turns every problem into {@link RewardOutcome.Unavailable}; it never throws.
 * {@link #ownedBy} calls the same way and throws {@link CollectionUnavailableException} instead.
 * The service token goes into the {@code Authorization} header and nowhere else.
 */
public final class RemoteRewardMatcher implements RewardMatcher, CharacterCollection, AutoCloseable {

    /** The name of the circuit breaker and of the retry in their registries, and so of their metrics. */
    public static final String RESILIENCE_NAME = "character-service";
    /** ownedBy has no deadline of its own: its attempts and backoffs are bounded by the settings. */
    private static final Instant NO_DEADLINE = Instant.MAX;

    private final RemoteCharacterService service;
    private final CharacterCatalogue catalogue;
    private final HttpClient client;
    private final RemoteCalls calls;
    private final String authorization;

    /** A matcher with the {@link RemoteCircuitBreakerSettings#standard() standard} circuit breaker. */
    public RemoteRewardMatcher(RemoteCharacterService service, CharacterCatalogue catalogue) {
        this(service, catalogue, RemoteCircuitBreakerSettings.standard());
    }

    /** A matcher with its own circuit breaker and retry, in registries of its own. */
    public RemoteRewardMatcher(
            RemoteCharacterService service, CharacterCatalogue catalogue, RemoteCircuitBreakerSettings breaker) {
        this(service, catalogue, breaker, CircuitBreakerRegistry.ofDefaults(), RetryRegistry.ofDefaults());
    }

    /**
     * A matcher whose circuit breaker and retry are the {@value #RESILIENCE_NAME} entries of these
     * registries, so that their metrics can be exported from there. Absent entries are created from
     * {@code breaker} and from {@code service}'s retries and backoff; present ones are used as they are
     * (matchers of one service share them), but the retry must have been created by a matcher, since
     * only its configuration keeps to each call's deadline.
     *
     * @throws IllegalArgumentException when the registry's {@value #RESILIENCE_NAME} retry was configured elsewhere
     */
    public RemoteRewardMatcher(
            RemoteCharacterService service,
            CharacterCatalogue catalogue,
            RemoteCircuitBreakerSettings breaker,
            CircuitBreakerRegistry breakers,
            RetryRegistry retries) {
        this.service = Objects.requireNonNull(service, "service");
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        Objects.requireNonNull(breaker, "breaker");
        Objects.requireNonNull(breakers, "breakers");
        Objects.requireNonNull(retries, "retries");
        CircuitBreaker circuit = breakers.circuitBreaker(RESILIENCE_NAME, breaker::config);
        Retry retry = RemoteCalls.requireOwn(retries.retry(RESILIENCE_NAME, () -> RemoteCalls.retryConfig(service)));
        // One client for every call: it is thread-safe and pools connections to the service. HTTP/2 only
        // when the service is https (by ALPN): an http:// service gets plain HTTP/1.1, never an h2c upgrade
        // offer, which uvicorn-based services and Envoy sidecars refuse.
        this.client = OutboundHttp.clientFor(service.baseUrl())
                .connectTimeout(service.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.calls = new RemoteCalls(client, service, circuit, retry, Clock.systemUTC());
        this.authorization = "Bearer " + service.serviceToken();
    }

    @Override
    public RewardOutcome match(RewardGrant grant) {
        try {
            String body = RewardRequestJson.write(CharacterServiceRequest.of(grant));
            HttpRequest post = call(service.resolve(CharacterServiceRoutes.REWARDS))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .build();
            return calls.exchange(post, grant.deadline(), reply -> RewardJson.read(reply, catalogue));
        } catch (RemoteCallFailed e) {
            return new RewardOutcome.Unavailable(e.reason());
        } catch (RuntimeException e) {
            // Whatever else went wrong, the scan keeps its answer and only the reward is missing.
            return new RewardOutcome.Unavailable("the character service call failed unexpectedly ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    /** The user's characters, oldest first. */
    @Override
    public List<OwnedCharacter> ownedBy(UserId user) {
        Objects.requireNonNull(user, "user");
        try {
            HttpRequest get = call(service.resolve(CharacterServiceRoutes.collectionOf(user)))
                    .GET()
                    .build();
            List<OwnedCharacter> owned =
                    calls.exchange(get, NO_DEADLINE, reply -> CollectionJson.read(reply, catalogue));
            // The contract says oldest first; a stable sort keeps that true even if the service forgets.
            return owned.stream()
                    .sorted(Comparator.comparing(OwnedCharacter::receivedAt))
                    .toList();
        } catch (RemoteCallFailed e) {
            throw new CollectionUnavailableException(e.reason(), e);
        } catch (RuntimeException e) {
            throw new CollectionUnavailableException(
                    "the character service call failed unexpectedly ("
                            + e.getClass().getSimpleName() + ")",
                    e);
        }
    }

    /** Stops the HTTP client at once; calls in flight end as unavailable. */
    @Override
    public void close() {
        client.shutdownNow();
    }

    private HttpRequest.Builder call(URI uri) {
        return HttpRequest.newBuilder(uri)
                .header("Authorization", authorization)
                .header("Accept", "application/json");
    }
}
