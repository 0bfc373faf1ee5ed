package dev.ecoscan.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    @TempDir
    Path dir;

    @Test
    void nothing_set_gives_the_defaults() {
        assertThat(Settings.from(Map.of("ECO_SCAN_CONFIG", write(""))).limits().deadline())
                .isEqualTo(Duration.ofSeconds(55));
    }

    @Test
    void the_environment_wins_over_the_file() {
        String file = write("deadline: 30s\nanswer_strategy: template\n");

        Settings settings = Settings.from(Map.of("ECO_SCAN_CONFIG", file, "ECO_SCAN_DEADLINE", "1500ms"));

        assertThat(settings.limits().deadline()).isEqualTo(Duration.ofMillis(1500));
        assertThat(settings.llm().answerStrategy()).isEqualTo(AnswerStrategy.TEMPLATE);
    }

    @Test
    void a_misspelt_environment_variable_stops_start_up_naming_it() {
        assertThatThrownBy(() -> Settings.from(Map.of("ECO_SCAN_DEADLNE", "30s")))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("ECO_SCAN_DEADLNE")
                .hasMessageContaining("ECO_SCAN_DEADLINE");
    }

    @Test
    void a_misspelt_file_key_stops_start_up_naming_it() {
        String file = write("answer_stratgy: llm\n");

        assertThatThrownBy(() -> Settings.from(Map.of("ECO_SCAN_CONFIG", file)))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("'answer_stratgy'")
                .hasMessageContaining("answer_strategy");
    }

    @Test
    void an_invalid_value_names_the_setting_and_what_it_accepts() {
        assertThatThrownBy(() -> Settings.from(Map.of("ECO_SCAN_ANSWER_STRATEGY", "magic")))
                .hasMessageContaining("ECO_SCAN_ANSWER_STRATEGY")
                .hasMessageContaining("llm, template or hybrid");
        assertThatThrownBy(() -> Settings.from(Map.of("ECO_SCAN_DEADLINE", "soon")))
                .hasMessageContaining("ECO_SCAN_DEADLINE")
                .hasMessageContaining("55s");
        assertThatThrownBy(() -> Settings.from(Map.of("ECO_SCAN_PORT", "70000")))
                .hasMessageContaining("0-65535");
    }

    @Test
    void a_url_setting_refuses_other_schemes() {
        assertThatThrownBy(() -> Settings.from(Map.of("OPENAI_BASE_URL", "ftp://models.example/v1")))
                .hasMessageContaining("OPENAI_BASE_URL")
                .hasMessageContaining("an http(s) URL");
    }

    @Test
    void a_file_key_needs_a_single_value() {
        String file = write("service_token: [a, b]\n");

        assertThatThrownBy(() -> Settings.from(Map.of("ECO_SCAN_CONFIG", file))).hasMessageContaining("single value");
    }

    @Test
    void a_config_file_named_but_missing_stops_start_up() {
        assertThatThrownBy(() -> Settings.from(
                        Map.of("ECO_SCAN_CONFIG", dir.resolve("absent.yaml").toString())))
                .hasMessageContaining("absent.yaml")
                .hasMessageContaining("cannot be read");
    }

    @Test
    void yaml_keys_are_the_lower_case_names_without_the_prefix() {
        assertThat(LlmSettings.ANSWER_STRATEGY.yamlKey()).isEqualTo("answer_strategy");
        assertThat(ProviderSettings.API_KEY.yamlKey()).isEqualTo("openai_api_key");
    }

    private String write(String yaml) {
        try {
            Path file = Files.createTempFile(dir, "eco-scan", ".yaml");
            Files.writeString(file, yaml);
            return file.toString();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
