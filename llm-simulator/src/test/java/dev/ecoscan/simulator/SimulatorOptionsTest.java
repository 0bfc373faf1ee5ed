package dev.ecoscan.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SimulatorOptionsTest {

    @Test
    void no_arguments_give_port_8099_at_realistic_speed() {
        SimulatorConfig config = SimulatorOptions.parse(new String[0]);

        assertThat(config.port()).isEqualTo(8099);
        assertThat(config.speed()).isEqualTo(1.0);
        assertThat(config.faultRates().isNone()).isTrue();
    }

    @Test
    void every_option_sets_its_field_with_a_space_or_an_equals_sign() {
        SimulatorConfig config = SimulatorOptions.parse(new String[] {
            "--port",
            "9000",
            "--speed=0.25",
            "--seed",
            "-5",
            "--faults",
            "429=0.1,hang=0.01",
            "--retry-after",
            "3",
            "--hang",
            "1500ms",
            "--host",
            "::1"
        });

        assertThat(config.port()).isEqualTo(9000);
        assertThat(config.speed()).isEqualTo(0.25);
        assertThat(config.seed()).isEqualTo(-5);
        assertThat(config.faultRates()).isEqualTo(new FaultRates(0.1, 0, 0.01, 0, 0, 0));
        assertThat(config.retryAfter()).isEqualTo(Duration.ofSeconds(3));
        assertThat(config.hangDuration()).isEqualTo(Duration.ofMillis(1500));
        assertThat(config.host()).isEqualTo("::1");
    }

    @Test
    void durations_take_milliseconds_seconds_or_minutes() {
        assertThat(SimulatorOptions.duration("--hang", "2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(SimulatorOptions.duration("--hang", "45")).isEqualTo(Duration.ofSeconds(45));
        assertThatThrownBy(() -> SimulatorOptions.duration("--hang", "soon"))
                .hasMessageContaining("--hang")
                .hasMessageContaining("120s");
    }

    @Test
    void mistakes_name_the_option_and_what_it_accepts() {
        assertThatThrownBy(() -> SimulatorOptions.parse(new String[] {"--speed", "fast"}))
                .hasMessageStartingWith("--speed")
                .hasMessageContaining("fast");
        assertThatThrownBy(() -> SimulatorOptions.parse(new String[] {"--speed", "-1"}))
                .hasMessageStartingWith("--speed")
                .hasMessageContaining(">= 0");
        assertThatThrownBy(() -> SimulatorOptions.parse(new String[] {"--port"}))
                .hasMessage("--port needs a value");
        assertThatThrownBy(() -> SimulatorOptions.parse(new String[] {"--faults", "teapot=1"}))
                .hasMessageStartingWith("--faults")
                .hasMessageContaining("teapot");
        assertThatThrownBy(() -> SimulatorOptions.parse(new String[] {"--verbose"}))
                .hasMessageContaining("unknown option '--verbose'")
                .hasMessageContaining("--port");
    }

    @Test
    void help_is_recognised_and_the_usage_lists_every_option() {
        assertThat(SimulatorOptions.wantsHelp(new String[] {"--port", "1", "--help"}))
                .isTrue();
        assertThat(SimulatorOptions.wantsHelp(new String[] {"--port", "1"})).isFalse();
        assertThat(SimulatorOptions.USAGE)
                .contains("--port", "--host", "--speed", "--seed", "--faults", "--retry-after", "--hang", "8099");
    }
}
