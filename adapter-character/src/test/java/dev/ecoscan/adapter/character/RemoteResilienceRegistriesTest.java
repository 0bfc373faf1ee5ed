package dev.ecoscan.adapter.character;

import static dev.ecoscan.adapter.character.CharacterServiceStub.json;
import static dev.ecoscan.adapter.character.CharacterServiceStub.status;
import static dev.ecoscan.adapter.character.RemoteFixtures.CATALOGUE;
import static dev.ecoscan.adapter.character.RemoteFixtures.PAPER_PACK;
import static dev.ecoscan.adapter.character.RemoteFixtures.TOKEN;
import static dev.ecoscan.adapter.character.RemoteFixtures.lenientBreaker;
import static dev.ecoscan.adapter.character.RemoteFixtures.milkCarton;
import static dev.ecoscan.adapter.character.RemoteFixtures.reward;
import static dev.ecoscan.adapter.character.RemoteFixtures.settings;
import static dev.ecoscan.adapter.character.RemoteFixtures.timed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecoscan.adapter.character.RemoteFixtures.Timed;
import dev.ecoscan.domain.reward.RewardOutcome;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The remote adapter's circuit breaker and retry, as the registries bootstrap exports metrics from see them. */
class RemoteResilienceRegistriesTest {

    private final CharacterServiceStub service = new CharacterServiceStub();
    private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
    private final RetryRegistry retries = RetryRegistry.ofDefaults();

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void the_breaker_and_the_retry_are_the_registries_character_service_entries() {
        try (RemoteRewardMatcher matcher = matcher(settings(service.baseUrl()))) {
            assertThat(matcher).isNotNull();
            assertThat(breakers.getAllCircuitBreakers())
                    .extracting(CircuitBreaker::getName)
                    .containsExactly("character-service");
            assertThat(retries.getAllRetries()).extracting(Retry::getName).containsExactly("character-service");
            assertThat(retries.retry("character-service").getRetryConfig().getMaxAttempts())
                    .isEqualTo(1 + 2);
        }
    }

    @Test
    void every_attempt_counts_in_the_breaker_and_the_retries_count_in_the_retry() {
        service.replies(status(503));

        try (RemoteRewardMatcher matcher = matcher(settings(service.baseUrl()))) {
            assertThat(matcher.match(milkCarton(Duration.ofSeconds(5))))
                    .isEqualTo(
                            new RewardOutcome.Unavailable("the character service failed (HTTP 503) after 3 attempts"));
        }

        assertThat(breakers.circuitBreaker("character-service").getMetrics().getNumberOfFailedCalls())
                .isEqualTo(3);
        Retry.Metrics retried = retries.retry("character-service").getMetrics();
        assertThat(retried.getNumberOfFailedCallsWithRetryAttempt()).isEqualTo(1);
        assertThat(retried.getNumberOfTotalCalls()).isEqualTo(3);
    }

    @Test
    void a_reward_after_a_failure_is_a_success_after_a_retry() {
        service.replies(status(500), json(200, reward(true, false, PAPER_PACK, "종이팩")));

        try (RemoteRewardMatcher matcher = matcher(settings(service.baseUrl()))) {
            assertThat(matcher.match(milkCarton(Duration.ofSeconds(5))))
                    .isEqualTo(new RewardOutcome.Granted(PAPER_PACK, "종이팩"));
        }

        assertThat(retries.retry("character-service").getMetrics().getNumberOfSuccessfulCallsWithRetryAttempt())
                .isEqualTo(1);
        assertThat(breakers.circuitBreaker("character-service").getMetrics().getNumberOfSuccessfulCalls())
                .isEqualTo(1);
        assertThat(breakers.circuitBreaker("character-service").getMetrics().getNumberOfFailedCalls())
                .isEqualTo(1);
    }

    @Test
    void concurrent_calls_on_the_one_retry_each_keep_their_own_deadline() throws Exception {
        service.replies(status(503));
        RemoteCharacterService patient = new RemoteCharacterService(
                service.baseUrl(), TOKEN, Duration.ofSeconds(1), Duration.ofSeconds(2), 3, Duration.ofMillis(100));

        try (RemoteRewardMatcher matcher = matcher(patient);
                ExecutorService scans = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<RewardOutcome> unhurried = scans.submit(() -> matcher.match(milkCarton(Duration.ofSeconds(30))));
            Future<Timed<RewardOutcome>> hurried =
                    scans.submit(() -> timed(() -> matcher.match(milkCarton(Duration.ofMillis(120)))));

            // The hurried call stops at its deadline, however long the unhurried one goes on retrying...
            assertThat(hurried.get().value()).isInstanceOf(RewardOutcome.Unavailable.class);
            assertThat(hurried.get().elapsed()).isLessThan(Duration.ofMillis(600));
            // ...and the unhurried one is not cut short by the hurried one's deadline.
            assertThat(unhurried.get())
                    .isEqualTo(
                            new RewardOutcome.Unavailable("the character service failed (HTTP 503) after 4 attempts"));
        }
    }

    @Test
    void matchers_of_one_service_share_its_breaker_and_retry() {
        service.replies(status(503));
        RemoteCircuitBreakerSettings quick = new RemoteCircuitBreakerSettings(4, 50, 4, Duration.ofSeconds(30), 1);

        try (RemoteRewardMatcher first =
                        new RemoteRewardMatcher(settings(service.baseUrl(), 1), CATALOGUE, quick, breakers, retries);
                RemoteRewardMatcher second =
                        new RemoteRewardMatcher(settings(service.baseUrl(), 1), CATALOGUE, quick, breakers, retries)) {
            first.match(milkCarton(Duration.ofSeconds(5)));
            first.match(milkCarton(Duration.ofSeconds(5)));

            assertThat(second.match(milkCarton(Duration.ofSeconds(5))))
                    .isEqualTo(new RewardOutcome.Unavailable("the character service is unavailable (circuit open)"));
            assertThat(service.attempts()).isEqualTo(4);
        }
    }

    @Test
    void a_retry_configured_elsewhere_is_refused_because_it_would_not_keep_deadlines() {
        RetryRegistry foreign = RetryRegistry.ofDefaults();
        foreign.retry("character-service", RetryConfig.ofDefaults());

        assertThatThrownBy(() -> new RemoteRewardMatcher(
                        settings(service.baseUrl()), CATALOGUE, lenientBreaker(), breakers, foreign))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("character-service");
    }

    @Test
    void the_existing_constructors_keep_registries_of_their_own() {
        service.replies(status(503));
        try (RemoteRewardMatcher own =
                new RemoteRewardMatcher(settings(service.baseUrl(), 0), CATALOGUE, lenientBreaker())) {
            own.match(milkCarton(Duration.ofSeconds(5)));
        }

        assertThat(breakers.getAllCircuitBreakers()).isEmpty();
        assertThat(retries.getAllRetries()).isEmpty();
        assertThat(service.attempts()).isEqualTo(1);
    }

    private RemoteRewardMatcher matcher(RemoteCharacterService settings) {
        return new RemoteRewardMatcher(settings, CATALOGUE, lenientBreaker(), breakers, retries);
    }
}
