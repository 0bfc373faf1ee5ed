package dev.ecoscan.bootstrap.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecoscan.adapter.images.ImageFetchPolicy;
import dev.ecoscan.bootstrap.config.Settings;
import dev.ecoscan.bootstrap.config.SettingsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ECO_SCAN_IMAGE_HOSTS takes {@code *.example.com}, from the environment or the file, as documented. */
class ImageHostsWiringTest {

    @TempDir
    Path dir;

    @Test
    void a_wildcard_from_the_environment_allows_the_names_under_the_domain_and_not_the_domain() {
        ImageFetchPolicy policy = policy(Map.of("ECO_SCAN_IMAGE_HOSTS", "*.example.com, images.example.org"));

        assertThat(policy.refusal("https://a.example.com/milk.png")).isEmpty();
        assertThat(policy.refusal("https://cdn.a.example.com/milk.png")).isEmpty();
        assertThat(policy.refusal("https://images.example.org/milk.png")).isEmpty();
        assertThat(policy.refusal("https://example.com/milk.png")).isPresent();
        assertThat(policy.refusal("https://notexample.com/milk.png")).isPresent();
    }

    @Test
    void a_wildcard_from_the_file_works_too() throws IOException {
        ImageFetchPolicy policy = policy(Map.of("ECO_SCAN_CONFIG", file("image_hosts: \"*.example.com\"\n")));

        assertThat(policy.refusal("https://a.example.com/milk.png")).isEmpty();
        assertThat(policy.refusal("https://example.com/milk.png")).isPresent();
    }

    @Test
    void an_unquoted_wildcard_in_the_file_is_explained() throws IOException {
        String file = file("image_hosts: *.example.com\n");

        assertThatThrownBy(() -> Settings.from(Map.of("ECO_SCAN_CONFIG", file)))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("must be quoted");
    }

    @Test
    void a_host_that_is_no_name_stops_start_up_naming_the_setting() {
        for (String wrong : new String[] {"*", "*.", "a.*.com", "https://a.example.com", "a b"}) {
            assertThatThrownBy(() -> Settings.from(Map.of("ECO_SCAN_IMAGE_HOSTS", wrong)))
                    .as(wrong)
                    .isInstanceOf(SettingsException.class)
                    .hasMessageContaining("ECO_SCAN_IMAGE_HOSTS")
                    .hasMessageContaining("*.example.com");
        }
    }

    private static ImageFetchPolicy policy(Map<String, String> environment) {
        // A public listener, so prod mode: no loopback exception blurs what the allow-list allows.
        Map<String, String> env = new HashMap<>(environment);
        env.put("ECO_SCAN_HOST", "0.0.0.0");
        Settings settings = Settings.from(env);
        return SafeUrlImagesModule.imagePolicy(settings.images(), settings.service());
    }

    private String file(String yaml) throws IOException {
        Path file = Files.createTempFile(dir, "eco-scan", ".yaml");
        Files.writeString(file, yaml);
        return file.toString();
    }
}
