package dev.ecoscan.adapter.character;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecoscan.support.characters.CharacterServiceRoutes;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RemoteCharacterServiceTest {

    private static final URI BASE = URI.create("https://characters.internal");
    private static final String TOKEN = "t0ken";

    @Test
    void the_defaults_are_one_second_to_connect_two_to_read_two_retries_and_a_short_backoff() {
        RemoteCharacterService service = RemoteCharacterService.withDefaults(BASE, TOKEN);

        assertThat(service)
                .isEqualTo(new RemoteCharacterService(
                        BASE, TOKEN, Duration.ofSeconds(1), Duration.ofSeconds(2), 2, Duration.ofMillis(100)));
    }

    @Test
    void routes_are_appended_to_the_base_url_and_its_path() {
        RemoteCharacterService service =
                RemoteCharacterService.withDefaults(URI.create("http://10.0.0.7:8081/chars/"), TOKEN);

        assertThat(service.resolve(CharacterServiceRoutes.REWARDS))
                .isEqualTo(URI.create("http://10.0.0.7:8081/chars/api/v1/internal/characters/rewards"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ftp://characters.internal",
                "characters.internal",
                "https://user:pw@characters.internal",
                "https://characters.internal?x=1",
                "https://characters.internal#top"
            })
    void a_base_url_that_is_not_plain_http_is_refused(String url) {
        assertThatThrownBy(() -> RemoteCharacterService.withDefaults(URI.create(url), TOKEN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_service_without_a_token_is_refused() {
        assertThatThrownBy(() -> RemoteCharacterService.withDefaults(BASE, ""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"with space", "line\nbreak", "비밀"})
    void a_token_that_cannot_be_a_header_is_refused_without_being_quoted(String token) {
        assertThatThrownBy(() -> RemoteCharacterService.withDefaults(BASE, token))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining(token);
    }

    @Test
    void timeouts_retries_and_backoff_are_bounded() {
        assertThatThrownBy(() -> new RemoteCharacterService(
                        BASE, TOKEN, Duration.ZERO, Duration.ofSeconds(2), 2, Duration.ofMillis(100)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RemoteCharacterService(
                        BASE, TOKEN, Duration.ofSeconds(1), Duration.ofMillis(-1), 2, Duration.ofMillis(100)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RemoteCharacterService(
                        BASE, TOKEN, Duration.ofSeconds(1), Duration.ofSeconds(2), -1, Duration.ofMillis(100)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RemoteCharacterService(
                        BASE, TOKEN, Duration.ofSeconds(1), Duration.ofSeconds(2), 11, Duration.ofMillis(100)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RemoteCharacterService(
                        BASE, TOKEN, Duration.ofSeconds(1), Duration.ofSeconds(2), 2, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_settings_print_everything_but_the_token() {
        String printed =
                RemoteCharacterService.withDefaults(BASE, "very-secret-token").toString();

        assertThat(printed).contains("characters.internal").contains("(hidden)").doesNotContain("very-secret-token");
    }

    @Test
    void a_breaker_that_could_never_open_or_close_is_refused() {
        assertThatThrownBy(() -> new RemoteCircuitBreakerSettings(0, 50, 5, Duration.ofSeconds(10), 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RemoteCircuitBreakerSettings(10, 0, 5, Duration.ofSeconds(10), 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RemoteCircuitBreakerSettings(10, 50, 5, Duration.ZERO, 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RemoteCircuitBreakerSettings(10, 50, 5, Duration.ofSeconds(10), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
