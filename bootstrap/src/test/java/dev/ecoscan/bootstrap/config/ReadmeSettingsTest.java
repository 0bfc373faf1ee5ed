package dev.ecoscan.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's settings table is what users read: a row per setting, whose meaning and default are
 * the ones the code declares (and uses). A row is matched by its first cell, one setting's name.
 */
class ReadmeSettingsTest {

    private static final Pattern SETTING_ROW = Pattern.compile("^\\| `([A-Z][A-Z0-9_]*)` \\| (.*) \\| (.*) \\|$");

    @Test
    void every_setting_has_a_row_with_its_meaning_and_its_default_and_no_row_names_another() throws IOException {
        Map<String, List<String>> rows = settingRows();

        assertThat(rows.keySet())
                .as("the README's settings rows; the catalogue writes them as%n%s", SettingCatalogue.markdownTable())
                .containsExactlyInAnyOrderElementsOf(
                        SettingCatalogue.ALL.stream().map(Setting::env).toList());
        for (Setting<?> setting : SettingCatalogue.ALL) {
            List<String> row = rows.get(setting.env());
            assertThat(row.get(1)).as(setting.env() + "'s default").isEqualTo(setting.shownDefault());
            assertThat(row.get(0)).as(setting.env() + "'s meaning").isEqualTo(setting.meaning());
        }
    }

    @Test
    void the_readme_names_every_file_variant_of_a_secret_setting() throws IOException {
        String readme = readme();

        for (String variable : SettingCatalogue.fileEnvs()) {
            assertThat(readme).as("the README names " + variable).contains("`" + variable + "`");
        }
    }

    @Test
    void a_literal_default_is_shown_as_the_value_the_code_reads() {
        assertThat(LimitSettings.DEADLINE.shownDefault()).isEqualTo("`55s`");
        assertThat(Settings.defaults().limits().deadline()).hasSeconds(55);
        assertThat(JobSettings.DRAIN_GRACE.shownDefault()).isEqualTo("`25s`");
        assertThat(Settings.defaults().jobs().drainGrace()).hasSeconds(25);
    }

    private static Map<String, List<String>> settingRows() throws IOException {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String line : readme().lines().toList()) {
            Matcher row = SETTING_ROW.matcher(line);
            if (row.matches()) {
                assertThat(rows.put(row.group(1), List.of(row.group(2), row.group(3))))
                        .as(row.group(1) + " has one row")
                        .isNull();
            }
        }
        return rows;
    }

    private static String readme() throws IOException {
        return Files.readString(
                Path.of(System.getProperty("eco-scan.root", ".."), "README.md"), StandardCharsets.UTF_8);
    }
}
