package dev.ecoscan.bootstrap.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecoscan.adapter.http.StreamLimits;
import dev.ecoscan.application.jobs.JobRetention;
import dev.ecoscan.bootstrap.config.Settings;
import dev.ecoscan.bootstrap.config.SettingsException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The event-stream bounds and the job retention, from their settings to what the adapters get. */
class JobSettingsWiringTest {

    @Test
    void the_stream_bounds_default_to_five_per_user_and_the_in_flight_bound_in_all() {
        Settings settings = Settings.from(Map.of("ECO_SCAN_MAX_IN_FLIGHT", "40"));

        assertThat(HttpModule.streamLimits(settings.limits())).isEqualTo(new StreamLimits(5, 40));
    }

    @Test
    void the_stream_bounds_come_from_their_settings() {
        Settings settings = Settings.from(Map.of("ECO_SCAN_SSE_PER_USER", "2", "ECO_SCAN_SSE_MAX", "300"));

        assertThat(HttpModule.streamLimits(settings.limits())).isEqualTo(new StreamLimits(2, 300));
    }

    @Test
    void the_retention_defaults_to_an_hour_and_ten_thousand_jobs_and_comes_from_its_settings() {
        assertThat(Settings.from(Map.of()).jobs().retention()).isEqualTo(JobRetention.defaults());
        assertThat(Settings.from(Map.of("ECO_SCAN_JOB_RETENTION", "10m", "ECO_SCAN_JOB_RETENTION_MAX", "500"))
                        .jobs()
                        .retention())
                .isEqualTo(new JobRetention(Duration.ofMinutes(10), 500));
    }

    @Test
    void a_retention_under_a_second_or_a_bound_of_zero_stops_start_up_naming_the_setting() {
        assertThatThrownBy(() -> Settings.from(Map.of("ECO_SCAN_JOB_RETENTION", "500ms")))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("ECO_SCAN_JOB_RETENTION");
        assertThatThrownBy(() -> Settings.from(Map.of("ECO_SCAN_SSE_PER_USER", "0")))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("ECO_SCAN_SSE_PER_USER");
    }
}
