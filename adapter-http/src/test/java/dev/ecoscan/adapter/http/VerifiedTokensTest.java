package dev.ecoscan.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecoscan.domain.scan.UserId;
import dev.ecoscan.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A remembered token never answers for more than the verifier would have accepted. */
class VerifiedTokensTest {

    private static final AuthSettings AUTH = new AuthSettings(
            AuthSettings.Mode.JWT, "a-test-secret-that-is-long-enough-1234", "eco-scan", "eco-scan-api");
    private static final UUID USER = UUID.fromString("7d1f8f5e-2f7c-4a51-9a39-2f6c2d4b8e11");

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-07T12:00:00Z"));
    private final Authenticator authenticator = new Authenticator(AUTH, clock);

    @Test
    void a_token_verified_once_is_answered_again_until_it_expires_and_then_refused_as_expired() {
        String token = DevTokens.mint(AUTH, USER, Duration.ofMinutes(5), clock);

        assertThat(authenticator.verify(token)).isEqualTo(new UserId(USER.toString()));
        clock.advance(Duration.ofMinutes(4));
        assertThat(authenticator.verify(token)).isEqualTo(new UserId(USER.toString()));

        // Past exp the verifier decides again, with its 5 s of leeway ...
        clock.advance(Duration.ofSeconds(62));
        assertThat(authenticator.verify(token)).isEqualTo(new UserId(USER.toString()));
        // ... and beyond the leeway the remembered verdict does not keep the token alive.
        clock.advance(Duration.ofSeconds(10));
        assertThatThrownBy(() -> authenticator.verify(token))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.problem().code()).isEqualTo(ProblemCode.TOKEN_EXPIRED));
    }

    @Test
    void a_remembered_token_vouches_for_no_other_string_with_the_same_claims() {
        String token = DevTokens.mint(AUTH, USER, Duration.ofMinutes(5), clock);
        authenticator.verify(token);

        String forged =
                token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(token.lastIndexOf('.') + 5);
        assertThatThrownBy(() -> authenticator.verify(forged))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.problem().code()).isEqualTo(ProblemCode.UNAUTHENTICATED));
    }

    @Test
    void past_its_bound_the_cache_forgets_and_keeps_answering_correctly() {
        VerifiedTokens tokens = new VerifiedTokens(clock, 2);
        Instant later = clock.instant().plusSeconds(60);
        tokens.remember("a", new UserId(USER.toString()), later);
        tokens.remember("b", new UserId(USER.toString()), later);
        tokens.remember("c", new UserId(USER.toString()), later);

        assertThat(tokens.size()).isLessThanOrEqualTo(2);
        assertThat(tokens.userOf("c")).contains(new UserId(USER.toString()));
        assertThat(tokens.userOf("a")).isEmpty();
    }

    @Test
    void an_expired_entry_is_dropped_when_asked_for() {
        VerifiedTokens tokens = new VerifiedTokens(clock, 10);
        tokens.remember("a", new UserId(USER.toString()), clock.instant().plusSeconds(1));
        clock.advance(Duration.ofSeconds(1));

        assertThat(tokens.userOf("a")).isEmpty();
        assertThat(tokens.size()).isZero();
    }
}
