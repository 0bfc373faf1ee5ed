package dev.ecoscan.bootstrap.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecoscan.bootstrap.config.Secrets;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Logback events through the encoder logback.xml names: one JSON object a line, fields at the top, no secret. */
class JsonLineEncoderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A key with the characters JSON escapes, so that redacting the encoded text would miss it. */
    private static final String KEY = "sk-test-\"quoted\\key-0123";

    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private Logger logger;

    @BeforeEach
    void logger() {
        LoggerContext context = new LoggerContext();
        // What Logback's SLF4J provider sets on the context it starts with; a context of one's own needs it too.
        context.setMDCAdapter(new LogbackMDCAdapter());
        JsonLineEncoder encoder = new JsonLineEncoder();
        encoder.setContext(context);
        encoder.start();
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.setOutputStream(written);
        appender.start();
        logger = context.getLogger("eco-scan.scan");
        logger.addAppender(appender);
    }

    @Test
    void key_value_pairs_are_fields_of_the_line_with_their_own_json_types() throws Exception {
        Map<String, Double> steps = new LinkedHashMap<>();
        steps.put("vision", 1.25);
        steps.put("rag", 0.002);
        logger.atInfo()
                .addKeyValue("task_id", "0b7d1f0e-1a2b-4c3d-8e9f-001122334455")
                .addKeyValue("http_status", 200)
                .addKeyValue("steps", steps)
                .addKeyValue("tags", List.of("a", "b"))
                .log("scan completed");

        JsonNode line = onlyLine();
        assertThat(line.path("level").asText()).isEqualTo("INFO");
        assertThat(line.path("logger").asText()).isEqualTo("eco-scan.scan");
        assertThat(line.path("message").asText()).isEqualTo("scan completed");
        assertThat(line.path("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(line.path("thread").asText()).isNotBlank();
        assertThat(line.path("task_id").asText()).isEqualTo("0b7d1f0e-1a2b-4c3d-8e9f-001122334455");
        assertThat(line.path("http_status").isInt()).isTrue();
        assertThat(line.path("steps").path("vision").asDouble()).isEqualTo(1.25);
        assertThat(line.path("steps").path("rag").isNumber()).isTrue();
        assertThat(line.path("tags")).hasSize(2);
        assertThat(line.has("error")).isFalse();
    }

    @Test
    void a_field_cannot_hide_the_level_or_the_message() throws Exception {
        logger.atWarn()
                .addKeyValue("level", "INFO")
                .addKeyValue("message", "all fine")
                .log("a real warning");

        JsonNode line = onlyLine();
        assertThat(line.path("level").asText()).isEqualTo("WARN");
        assertThat(line.path("message").asText()).isEqualTo("a real warning");
    }

    @Test
    void a_configured_secret_and_credential_headers_are_cut_out_of_message_fields_and_stack_trace() throws Exception {
        Secrets.register(KEY);

        logger.atError()
                .addKeyValue("detail", "the provider said: bad key " + KEY)
                .addKeyValue("request", Map.of("headers", Map.of("Authorization", "Bearer " + KEY)))
                .setCause(new IllegalStateException("refused " + KEY))
                .log("calling with Authorization: Bearer abcdefghijklmnopqrstuvwxyz and " + KEY);

        String text = written.toString(StandardCharsets.UTF_8);
        JsonNode line = onlyLine();
        assertThat(line.toString()).doesNotContain(KEY).doesNotContain("abcdefghijklmnopqrstuvwxyz");
        assertThat(text).doesNotContain(KEY).doesNotContain("quoted\\\\key");
        assertThat(line.path("detail").asText()).isEqualTo("the provider said: bad key [redacted]");
        assertThat(line.path("error").asText())
                .contains("IllegalStateException: refused [redacted]")
                .contains("at dev.ecoscan.bootstrap.logging.JsonLineEncoderTest");
    }

    @Test
    void the_commands_own_lines_have_the_same_shape() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandLog log = new CommandLog(new PrintStream(err, true, StandardCharsets.UTF_8), "eco-scan");

        log.warn("a \"quoted\" warning");
        log.error("it broke", new IllegalArgumentException("why"));

        List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(2);
        JsonNode warning = JSON.readTree(lines.get(0));
        assertThat(warning.path("level").asText()).isEqualTo("WARN");
        assertThat(warning.path("message").asText()).isEqualTo("a \"quoted\" warning");
        JsonNode error = JSON.readTree(lines.get(1));
        assertThat(error.path("level").asText()).isEqualTo("ERROR");
        assertThat(error.path("error").asText()).contains("IllegalArgumentException: why");
    }

    private JsonNode onlyLine() throws Exception {
        String text = written.toString(StandardCharsets.UTF_8);
        assertThat(text).endsWith("\n");
        List<String> lines = text.lines().toList();
        assertThat(lines).hasSize(1);
        JsonNode line = JSON.readTree(lines.getFirst());
        assertThat(line.isObject()).isTrue();
        return line;
    }
}
