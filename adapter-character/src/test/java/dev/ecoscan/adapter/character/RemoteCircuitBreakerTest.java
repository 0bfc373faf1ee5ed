package dev.ecoscan.adapter.character;

import static dev.ecoscan.adapter.character.CharacterServiceStub.json;
import static dev.ecoscan.adapter.character.CharacterServiceStub.status;
import static dev.ecoscan.adapter.character.RemoteFixtures.CATALOGUE;
import static dev.ecoscan.adapter.character.RemoteFixtures.PAPER_PACK;
import static dev.ecoscan.adapter.character.RemoteFixtures.USER;
import static dev.ecoscan.adapter.character.RemoteFixtures.milkCarton;
import static dev.ecoscan.adapter.character.RemoteFixtures.reward;
import static dev.ecoscan.adapter.character.RemoteFixtures.settings;
import static dev.ecoscan.adapter.character.RemoteFixtures.timed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecoscan.adapter.character.RemoteFixtures.Timed;
import dev.ecoscan.domain.reward.CollectionUnavailableException;
import dev.ecoscan.domain.reward.RewardOutcome;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RemoteCircuitBreakerTest {

    private static final RewardOutcome CIRCUIT_OPEN =
            new RewardOutcome.Unavailable("the character service is unavailable (circuit open)");

    /** Opens once 4 attempts were seen and half of them failed; one trial call after the wait. */
    private static RemoteCircuitBreakerSettings quickBreaker(Duration openFor) {
        return new RemoteCircuitBreakerSettings(4, 50, 4, openFor, 1);
    }

    private final CharacterServiceStub service = new CharacterServiceStub();

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void the_standard_breaker_is_the_documented_one() {
        assertThat(RemoteCircuitBreakerSettings.standard())
                .isEqualTo(new RemoteCircuitBreakerSettings(10, 50, 5, Duration.ofSeconds(10), 2));
    }

    @Test
    void after_enough_failures_the_circuit_opens_and_calls_no_longer_reach_the_service() {
        service.replies(status(503));
        try (RemoteRewardMatcher matcher = new RemoteRewardMatcher(
                settings(service.baseUrl(), 1), CATALOGUE, quickBreaker(Duration.ofSeconds(30)))) {
            matcher.match(milkCarton(Duration.ofSeconds(5)));
            matcher.match(milkCarton(Duration.ofSeconds(5)));
            int attemptsBeforeOpen = service.attempts();

            Timed<RewardOutcome> call = timed(() -> matcher.match(milkCarton(Duration.ofSeconds(5))));

            assertThat(attemptsBeforeOpen).isEqualTo(4);
            assertThat(call.value()).isEqualTo(CIRCUIT_OPEN);
            assertThat(service.attempts()).isEqualTo(attemptsBeforeOpen);
            assertThat(call.elapsed()).isLessThan(Duration.ofMillis(500));
        }
    }

    @Test
    void a_circuit_that_opens_during_the_retries_stops_them() {
        service.replies(status(503));
        try (RemoteRewardMatcher matcher = new RemoteRewardMatcher(
                settings(service.baseUrl(), 10), CATALOGUE, quickBreaker(Duration.ofSeconds(30)))) {
            RewardOutcome outcome = matcher.match(milkCarton(Duration.ofSeconds(5)));

            assertThat(outcome).isEqualTo(CIRCUIT_OPEN);
            assertThat(service.attempts()).isEqualTo(4);
        }
    }

    @Test
    void after_its_wait_the_circuit_lets_a_trial_call_through_and_closes_on_success() throws InterruptedException {
        service.replies(
                status(503), status(503), status(503), status(503), json(200, reward(true, false, PAPER_PACK, "종이팩")));
        try (RemoteRewardMatcher matcher = new RemoteRewardMatcher(
                settings(service.baseUrl(), 0), CATALOGUE, quickBreaker(Duration.ofMillis(200)))) {
            for (int call = 0; call < 4; call++) {
                matcher.match(milkCarton(Duration.ofSeconds(5)));
            }
            assertThat(matcher.match(milkCarton(Duration.ofSeconds(5)))).isEqualTo(CIRCUIT_OPEN);

            Thread.sleep(400);

            assertThat(matcher.match(milkCarton(Duration.ofSeconds(5))))
                    .isEqualTo(new RewardOutcome.Granted(PAPER_PACK, "종이팩"));
            assertThat(matcher.match(milkCarton(Duration.ofSeconds(5))))
                    .isEqualTo(new RewardOutcome.Granted(PAPER_PACK, "종이팩"));
            assertThat(service.attempts()).isEqualTo(6);
        }
    }

    @Test
    void services_that_time_out_open_the_circuit() {
        service.replies(service.stallBeforeHeaders());
        RemoteCharacterService impatient = new RemoteCharacterService(
                service.baseUrl(),
                RemoteFixtures.TOKEN,
                Duration.ofSeconds(1),
                Duration.ofMillis(100),
                0,
                Duration.ofMillis(10));
        try (RemoteRewardMatcher matcher =
                new RemoteRewardMatcher(impatient, CATALOGUE, quickBreaker(Duration.ofSeconds(30)))) {
            for (int call = 0; call < 4; call++) {
                matcher.match(milkCarton(Duration.ofSeconds(5)));
            }

            assertThat(matcher.match(milkCarton(Duration.ofSeconds(5)))).isEqualTo(CIRCUIT_OPEN);
            assertThat(service.attempts()).isEqualTo(4);
        }
    }

    @Test
    void timeouts_cut_short_by_the_callers_deadline_do_not_open_the_circuit() {
        service.replies(service.stallBeforeHeaders());
        try (RemoteRewardMatcher matcher = new RemoteRewardMatcher(
                settings(service.baseUrl(), 0), CATALOGUE, quickBreaker(Duration.ofSeconds(30)))) {
            for (int call = 0; call < 6; call++) {
                assertThat(matcher.match(milkCarton(Duration.ofMillis(150))))
                        .isEqualTo(new RewardOutcome.Unavailable(
                                "the character service did not answer before the deadline"));
            }

            assertThat(service.attempts()).isEqualTo(6);
        }
    }

    @Test
    void refused_tokens_do_not_open_the_circuit() {
        service.replies(status(401));
        try (RemoteRewardMatcher matcher = new RemoteRewardMatcher(
                settings(service.baseUrl(), 0), CATALOGUE, quickBreaker(Duration.ofSeconds(30)))) {
            for (int call = 0; call < 6; call++) {
                matcher.match(milkCarton(Duration.ofSeconds(5)));
            }

            assertThat(service.attempts()).isEqualTo(6);
        }
    }

    @Test
    void an_open_circuit_makes_the_collection_unavailable_without_a_call() {
        service.replies(status(503));
        try (RemoteRewardMatcher matcher = new RemoteRewardMatcher(
                settings(service.baseUrl(), 0), CATALOGUE, quickBreaker(Duration.ofSeconds(30)))) {
            for (int call = 0; call < 4; call++) {
                matcher.match(milkCarton(Duration.ofSeconds(5)));
            }

            assertThatThrownBy(() -> matcher.ownedBy(USER))
                    .isInstanceOf(CollectionUnavailableException.class)
                    .hasMessage("the character service is unavailable (circuit open)");
            assertThat(service.attempts()).isEqualTo(4);
        }
    }
}
