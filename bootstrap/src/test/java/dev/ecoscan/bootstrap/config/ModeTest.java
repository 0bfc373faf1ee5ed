package dev.ecoscan.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The mode follows the listener unless set: loopback is dev, anything others can reach is prod. */
class ModeTest {

    @Test
    void nothing_set_listens_on_loopback_in_dev_mode() {
        Settings settings = settings(Map.of());

        assertThat(settings.service().host()).isEqualTo("127.0.0.1");
        assertThat(settings.service().dev()).isTrue();
    }

    @Test
    void a_provider_does_not_change_the_mode_of_a_loopback_listener() {
        assertThat(settings(Map.of("OPENAI_API_KEY", "sk-test-key")).service().dev())
                .isTrue();
    }

    @Test
    void a_public_listener_is_prod_unless_dev_is_asked_for() {
        assertThat(settings(Map.of("ECO_SCAN_HOST", "0.0.0.0")).service().dev()).isFalse();
        assertThat(settings(Map.of("ECO_SCAN_HOST", "10.1.2.3")).service().dev())
                .isFalse();
        assertThat(settings(Map.of("ECO_SCAN_HOST", "0.0.0.0", "ECO_SCAN_MODE", "dev"))
                        .service()
                        .dev())
                .isTrue();
    }

    @Test
    void every_loopback_form_counts_as_loopback() {
        for (String host : new String[] {"127.0.0.1", "127.0.0.2", "localhost", "::1"}) {
            assertThat(settings(Map.of("ECO_SCAN_HOST", host)).service().loopbackListener())
                    .as(host)
                    .isTrue();
        }
        assertThat(settings(Map.of("ECO_SCAN_HOST", "127.example.com"))
                        .service()
                        .loopbackListener())
                .isFalse();
    }

    @Test
    void prod_can_be_asked_for_on_loopback() {
        assertThat(settings(Map.of("ECO_SCAN_MODE", "prod")).service().dev()).isFalse();
    }

    private static Settings settings(Map<String, String> values) {
        Map<String, String> env = new HashMap<>(values);
        env.put("ECO_SCAN_CONFIG", "/dev/null");
        return Settings.from(env);
    }
}
