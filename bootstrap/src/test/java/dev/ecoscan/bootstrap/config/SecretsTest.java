package dev.ecoscan.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Configured secrets never come out of the process's streams; the URLs around them still do. */
class SecretsTest {

    @Test
    void a_credential_header_is_cut_out_however_a_library_prints_it() {
        String printed = Secrets.redact(
                "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.payload.sig | {\"api-key\":\"azure-key-0123\"}"
                        + " | headers {Authorization=[Basic dXNlcjpwYXNz], x-gateway-secret=gw-secret-42}"
                        + " | sent with Bearer tok_0123456789abcdefXYZ");

        assertThat(printed)
                .doesNotContain("eyJhbGciOiJIUzI1NiJ9")
                .doesNotContain("azure-key-0123")
                .doesNotContain("dXNlcjpwYXNz")
                .doesNotContain("gw-secret-42")
                .doesNotContain("tok_0123456789abcdefXYZ")
                .contains("Authorization: [redacted]")
                .contains("\"api-key\":\"[redacted]\"");
    }

    @Test
    void ordinary_words_near_the_header_names_stay() {
        assertThat(Secrets.redact("the Bearer scheme; authorization failed for user 42"))
                .isEqualTo("the Bearer scheme; authorization failed for user 42");
    }

    @Test
    void a_configured_key_and_a_urls_password_are_cut_out_but_the_url_stays_readable() {
        Map<String, String> env = new HashMap<>(Map.of(
                "ECO_SCAN_CONFIG",
                "/dev/null",
                "OPENAI_API_KEY",
                "sk-proj-abcdefghijklmnop",
                "ECO_SCAN_QUEUE",
                "redis",
                "ECO_SCAN_REDIS_URL",
                "redis://:p4ssw0rd-redis@127.0.0.1:6379",
                "OPENAI_BASE_URL",
                "http://127.0.0.1:8001/v1"));
        Settings.from(env);

        String printed = Secrets.redact("key sk-proj-abcdefghijklmnop at http://127.0.0.1:8001/v1, queue "
                + "redis://:p4ssw0rd-redis@127.0.0.1:6379, and the password alone: p4ssw0rd-redis");

        assertThat(printed)
                .doesNotContain("sk-proj-abcdefghijklmnop")
                .doesNotContain("p4ssw0rd-redis")
                .contains("http://127.0.0.1:8001/v1")
                .contains("redis://:[redacted]@127.0.0.1:6379");
    }

    @Test
    void passwords_in_urls_and_parameters_are_masked_even_when_nobody_registered_them() {
        assertThat(Secrets.redact("jdbc:postgresql://db:5432/eco?user=eco&password=hunter2-db"))
                .isEqualTo("jdbc:postgresql://db:5432/eco?user=eco&password=[redacted]");
        assertThat(Secrets.redact("https://user:pa55word@example.com/x"))
                .isEqualTo("https://user:[redacted]@example.com/x");
    }

    @Test
    void a_secret_split_across_two_writes_is_still_cut_out() {
        Secrets.register("split-secret-value");
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(new RedactingOutputStream(sink), true, StandardCharsets.UTF_8);

        out.print("before split-sec");
        out.print("ret-value after");
        out.println();

        assertThat(sink.toString(StandardCharsets.UTF_8)).isEqualTo("before [redacted] after" + System.lineSeparator());
    }
}
