package dev.ecoscan.bootstrap.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

/** One line's JSON, written field by field: every kind of value keeps its JSON type, in order. */
class LogLineTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void values_keep_their_json_types_and_fields_their_order() throws Exception {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("tags", List.of("label_attached", 3));
        nested.put("none", null);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("count", 7L);
        fields.put("price", new BigDecimal("0.000125"));
        fields.put("ratio", 0.5f);
        fields.put("scans", new AtomicLong(12));
        fields.put("cached", true);
        fields.put("item", "우유팩 \"종이\" \\ 팩");
        fields.put("nested", nested);
        fields.put("when", Instant.parse("2026-12-07T00:00:00Z"));
        LogLine line = new LogLine(
                Instant.parse("2026-12-07T01:02:03.456Z"),
                Level.INFO,
                "eco-scan.scan",
                "main",
                "scan completed",
                fields,
                Optional.empty());

        JsonNode read = JSON.readTree(line.json());

        assertThat(read.path("count").isIntegralNumber()).isTrue();
        assertThat(read.path("count").asLong()).isEqualTo(7L);
        assertThat(read.path("price").decimalValue()).isEqualByComparingTo("0.000125");
        assertThat(read.path("ratio").asDouble()).isEqualTo(0.5);
        assertThat(read.path("scans").isIntegralNumber()).isTrue();
        assertThat(read.path("cached").isBoolean()).isTrue();
        assertThat(read.path("item").asText()).isEqualTo("우유팩 \"종이\" \\ 팩");
        assertThat(read.path("nested").path("tags").get(1).asInt()).isEqualTo(3);
        assertThat(read.path("nested").path("none").isNull()).isTrue();
        assertThat(read.path("when").asText()).isEqualTo("2026-12-07T00:00:00Z");
        assertThat(read.path("time").asText()).isEqualTo("2026-12-07T01:02:03.456Z");
        List<String> names = new ArrayList<>();
        read.fieldNames().forEachRemaining(names::add);
        assertThat(names)
                .containsExactly(
                        "time", "level", "logger", "thread", "message", "count", "price", "ratio", "scans", "cached",
                        "item", "nested", "when");
    }

    @Test
    void the_appenders_bytes_are_the_json_and_one_line_end() {
        LogLine line = LogLine.now(Level.WARN, "eco-scan", "분리배출 warning").withError("trace\n\tat here");

        byte[] bytes = line.jsonLine();

        assertThat(bytes[bytes.length - 1]).isEqualTo((byte) '\n');
        assertThat(new String(Arrays.copyOf(bytes, bytes.length - 1), StandardCharsets.UTF_8))
                .isEqualTo(line.json())
                .doesNotContain("\n");
    }
}
