package dev.ecoscan.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's settings table is what users read: it must name every setting eco-scan knows. */
class ReadmeSettingsTest {

    @Test
    void the_readme_lists_every_setting() throws IOException {
        String readme = Files.readString(
                Path.of(System.getProperty("eco-scan.root", ".."), "README.md"), StandardCharsets.UTF_8);

        for (Setting setting : Setting.values()) {
            assertThat(readme).as(setting.env()).contains("`" + setting.env() + "`");
        }
    }
}
