package dev.ecoscan.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A secret setting may be given as {@code NAME_FILE}, the path of a file that holds it (Kubernetes secrets). */
class SecretFilesTest {

    private static final String JWT_SECRET = "a-jwt-secret-of-at-least-32-bytes-from-a-file";

    @TempDir
    Path dir;

    @Test
    void a_secret_is_read_from_the_file_its_file_variable_names_without_the_trailing_newline() {
        Settings settings = Settings.from(Map.of(
                "ECO_SCAN_CONFIG", "/dev/null",
                "ECO_SCAN_JWT_SECRET_FILE", write("jwt", JWT_SECRET + "\n"),
                "OPENAI_API_KEY_FILE", write("key", "sk-from-a-mounted-secret\r\n")));

        assertThat(settings.service().jwtSecret()).contains(JWT_SECRET);
        assertThat(settings.provider().apiKey()).contains("sk-from-a-mounted-secret");
        assertThat(Secrets.redact("token " + JWT_SECRET)).isEqualTo("token " + Secrets.MASK);
    }

    @Test
    void a_url_that_may_carry_a_password_is_read_from_a_file_too() {
        Settings settings = Settings.from(Map.of(
                "ECO_SCAN_CONFIG", "/dev/null",
                "ECO_SCAN_QUEUE", "redis",
                "ECO_SCAN_REDIS_URL_FILE", write("redis", "redis://:p4ss-from-file@redis:6379\n")));

        assertThat(settings.jobs().redisUrl()).contains("redis://:p4ss-from-file@redis:6379");
        assertThat(Secrets.redact("p4ss-from-file")).isEqualTo(Secrets.MASK);
    }

    @Test
    void the_value_and_its_file_both_set_stop_start_up_naming_both() {
        Map<String, String> environment = Map.of(
                "ECO_SCAN_CONFIG",
                "/dev/null",
                "ECO_SCAN_JWT_SECRET",
                JWT_SECRET,
                "ECO_SCAN_JWT_SECRET_FILE",
                write("jwt", JWT_SECRET));

        assertThatThrownBy(() -> Settings.from(environment))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("ECO_SCAN_JWT_SECRET and ECO_SCAN_JWT_SECRET_FILE are both set")
                .hasMessageNotContaining(JWT_SECRET);
    }

    @Test
    void a_missing_file_stops_start_up_naming_the_variable_and_the_path() {
        String absent = dir.resolve("absent").toString();

        assertThatThrownBy(() ->
                        Settings.from(Map.of("ECO_SCAN_CONFIG", "/dev/null", "ECO_SCAN_DB_PASSWORD_FILE", absent)))
                .isInstanceOf(SettingsException.class)
                .hasMessage(
                        "ECO_SCAN_DB_PASSWORD_FILE names " + absent + ", which cannot be read: there is no such file");
    }

    @Test
    void an_unreadable_or_empty_file_is_named_but_never_its_content() throws IOException {
        Path binary = dir.resolve("binary");
        Files.write(binary, bytes("visible-part-of-the-token", (byte) 0xC3, (byte) 0x28));

        assertThatThrownBy(() -> Settings.from(
                        Map.of("ECO_SCAN_CONFIG", "/dev/null", "ECO_SCAN_SERVICE_TOKEN_FILE", binary.toString())))
                .hasMessageContaining("ECO_SCAN_SERVICE_TOKEN_FILE names " + binary)
                .hasMessageContaining("not UTF-8 text")
                .hasMessageNotContaining("visible-part");
        assertThatThrownBy(() -> Settings.from(
                        Map.of("ECO_SCAN_CONFIG", "/dev/null", "ECO_SCAN_GATEWAY_SECRET_FILE", write("blank", "\n"))))
                .hasMessageContaining("ECO_SCAN_GATEWAY_SECRET_FILE names")
                .hasMessageEndingWith("which is empty");
        assertThatThrownBy(() -> Settings.from(
                        Map.of("ECO_SCAN_CONFIG", "/dev/null", "ECO_SCAN_FALLBACK_API_KEY_FILE", dir.toString())))
                .hasMessageContaining("it is a folder, not a file");
    }

    @Test
    void a_file_too_large_for_a_secret_is_refused_before_it_is_read_whole() {
        String large = write("large", "x".repeat(SecretFiles.LARGEST + 1));

        assertThatThrownBy(() -> Settings.from(Map.of("ECO_SCAN_CONFIG", "/dev/null", "OPENAI_API_KEY_FILE", large)))
                .hasMessageContaining("OPENAI_API_KEY_FILE names " + large)
                .hasMessageContaining("too large for a secret");
    }

    @Test
    void a_value_its_setting_refuses_is_named_by_its_file_but_not_shown() {
        String file = write("redis", "http://user:hidden-in-the-file@redis:6379");

        assertThatThrownBy(() -> Settings.from(Map.of(
                        "ECO_SCAN_CONFIG", "/dev/null", "ECO_SCAN_QUEUE", "redis", "ECO_SCAN_REDIS_URL_FILE", file)))
                .hasMessageContaining("ECO_SCAN_REDIS_URL (from the file ECO_SCAN_REDIS_URL_FILE names) is '…'")
                .hasMessageContaining("a redis:// URL")
                .hasMessageNotContaining("hidden-in-the-file");
    }

    @Test
    void only_secret_settings_have_a_file_variant() {
        assertThat(SettingCatalogue.fileEnvs())
                .contains(
                        "OPENAI_API_KEY_FILE",
                        "ECO_SCAN_JWT_SECRET_FILE",
                        "ECO_SCAN_DB_PASSWORD_FILE",
                        "ECO_SCAN_SERVICE_TOKEN_FILE",
                        "ECO_SCAN_GATEWAY_SECRET_FILE",
                        "ECO_SCAN_FALLBACK_API_KEY_FILE")
                .doesNotContain("ECO_SCAN_PORT_FILE");
        assertThatThrownBy(() -> Settings.from(
                        Map.of("ECO_SCAN_CONFIG", "/dev/null", "ECO_SCAN_PORT_FILE", write("port", "8080"))))
                .hasMessageContaining("ECO_SCAN_PORT_FILE is not a setting eco-scan knows")
                .hasMessageContaining("for a secret in a file: OPENAI_API_KEY_FILE");
    }

    private String write(String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8)
                    .toString();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] bytes(String text, byte... tail) {
        byte[] head = text.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }
}
