package dev.ecoscan.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** ECO_SCAN_MAX_IMAGE_BYTES_IN_FLIGHT takes byte sizes as people write them, and nothing else. */
class ByteSizeSettingTest {

    private static final Setting<Long> BUDGET = ImageSettings.MAX_BYTES_IN_FLIGHT;

    @Test
    void sizes_with_si_and_binary_units_and_plain_numbers_are_read() {
        assertThat(budget("256MB")).isEqualTo(256_000_000L);
        assertThat(budget("64MiB")).isEqualTo(64L * 1024 * 1024);
        assertThat(budget("1GB")).isEqualTo(1_000_000_000L);
        assertThat(budget("2GiB")).isEqualTo(2L * 1024 * 1024 * 1024);
        assertThat(budget("512kb")).isEqualTo(512_000L);
        assertThat(budget("300 KiB")).isEqualTo(300L * 1024);
        assertThat(budget("6300")).isEqualTo(6300L);
        assertThat(budget("6300B")).isEqualTo(6300L);
    }

    @Test
    void unset_it_is_a_quarter_of_the_heap() {
        assertThat(Settings.from(Map.of("ECO_SCAN_CONFIG", "/dev/null"))
                        .images()
                        .maxBytesInFlight())
                .isEqualTo(Runtime.getRuntime().maxMemory() / 4);
    }

    @Test
    void anything_else_stops_start_up_naming_the_setting_and_what_it_accepts() {
        for (String wrong : new String[] {"0", "0MB", "-5MB", "lots", "12 TB", "1.5GB", "MB", "999999999999999GiB"}) {
            assertThatThrownBy(() -> Settings.from(Map.of("ECO_SCAN_CONFIG", "/dev/null", BUDGET.env(), wrong)))
                    .as(wrong)
                    .isInstanceOf(SettingsException.class)
                    .hasMessageContaining(BUDGET.env())
                    .hasMessageContaining("256MB, 64MiB, 1GB");
        }
    }

    private static long budget(String value) {
        return Settings.from(Map.of("ECO_SCAN_CONFIG", "/dev/null", BUDGET.env(), value))
                .images()
                .maxBytesInFlight();
    }
}
