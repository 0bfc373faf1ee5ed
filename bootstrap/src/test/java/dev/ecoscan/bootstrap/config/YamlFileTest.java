package dev.ecoscan.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * eco-scan.yaml is read as YAML 1.2: unquoted {@code off} and {@code on} are the words a user means
 * (YAML 1.1 made booleans of them, which the settings then refused), and a date-like version is text.
 */
class YamlFileTest {

    @TempDir
    Path dir;

    @Test
    void an_unquoted_cache_off_turns_the_cache_off() {
        assertThat(settings("cache: off\n").llm().cache()).isFalse();
        assertThat(settings("cache: on\n").llm().cache()).isTrue();
    }

    @Test
    void an_unquoted_rate_limit_off_turns_the_rate_limit_off_even_in_prod() {
        // A public listener is prod, where the rate limit is 60/min unless set.
        assertThat(settings("host: 0.0.0.0\n").limits().rateLimit()).isPresent();
        assertThat(settings("host: 0.0.0.0\nrate_limit: off\n").limits().rateLimit())
                .isEmpty();
    }

    @Test
    void numbers_and_dates_reach_their_settings_as_written() {
        Settings settings = settings("port: 8081\nazure_api_version: 2024-10-21\ntemperature: 0.5\n");

        assertThat(settings.service().port()).isEqualTo(8081);
        assertThat(settings.provider().azureApiVersion()).isEqualTo("2024-10-21");
        assertThat(settings.llm().temperature()).contains(0.5);
    }

    @Test
    void a_yaml_boolean_is_still_refused_naming_what_the_setting_accepts() {
        assertThatThrownBy(() -> settings("cache: false\n"))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("ECO_SCAN_CACHE")
                .hasMessageContaining("on or off");
    }

    @Test
    void a_repeated_key_stops_start_up() {
        assertThatThrownBy(() -> settings("cache: on\ncache: off\n"))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("cache");
    }

    private Settings settings(String yaml) {
        try {
            Path file = Files.createTempFile(dir, "eco-scan", ".yaml");
            Files.writeString(file, yaml);
            return Settings.from(Map.of("ECO_SCAN_CONFIG", file.toString()));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
