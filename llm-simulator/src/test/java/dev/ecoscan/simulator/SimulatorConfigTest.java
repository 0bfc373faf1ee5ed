package dev.ecoscan.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SimulatorConfigTest {

    @Test
    void the_defaults_are_loopback_an_ephemeral_port_realistic_speed_and_no_faults() {
        SimulatorConfig config = SimulatorConfig.defaults();

        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.port()).isZero();
        assertThat(config.speed()).isEqualTo(1.0);
        assertThat(config.faultRates().isNone()).isTrue();
        assertThat(config.retryAfter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.hangDuration()).isEqualTo(Duration.ofSeconds(120));
        assertThat(SimulatorConfig.instant().speed()).isZero();
    }

    @Test
    void each_copy_method_changes_one_field() {
        SimulatorConfig config = SimulatorConfig.defaults()
                .withPort(8099)
                .withSpeed(0.5)
                .withSeed(3)
                .withHangDuration(Duration.ofSeconds(2))
                .withRetryAfter(Duration.ofSeconds(5))
                .withHost("::1");

        assertThat(config.port()).isEqualTo(8099);
        assertThat(config.speed()).isEqualTo(0.5);
        assertThat(config.seed()).isEqualTo(3);
        assertThat(config.hangDuration()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.retryAfter()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.host()).isEqualTo("::1");
    }

    @Test
    void invalid_values_are_refused_with_the_field_named() {
        SimulatorConfig config = SimulatorConfig.defaults();

        assertThatThrownBy(() -> config.withSpeed(-1)).hasMessageContaining("speed");
        assertThatThrownBy(() -> config.withSpeed(Double.POSITIVE_INFINITY)).hasMessageContaining("speed");
        assertThatThrownBy(() -> config.withPort(70_000)).hasMessageContaining("port");
        assertThatThrownBy(() -> config.withHost(" ")).hasMessageContaining("host");
        assertThatThrownBy(() -> config.withHangDuration(Duration.ZERO)).hasMessageContaining("hang");
        assertThatThrownBy(() -> config.withRetryAfter(Duration.ofSeconds(-1))).hasMessageContaining("retry-after");
    }
}
