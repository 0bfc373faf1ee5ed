package dev.ecoscan.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The generic fill, for schemas the simulator has no special answer for. */
class SchemaFillerTest {

    @Test
    void a_nested_schema_with_refs_enums_and_bounds_is_filled_to_fit() {
        JsonNode schema = SimulatorClient.json("""
                {"type":"object","additionalProperties":false,"required":["title","parts","level","ratio","flag","extra"],
                 "$defs":{"part":{"type":"object","properties":{"name":{"type":"string","maxLength":3},
                                                              "kind":{"const":"fixed"}},"required":["name","kind"]}},
                 "properties":{"title":{"type":"string"},
                   "parts":{"type":"array","items":{"$ref":"#/$defs/part"},"minItems":2,"maxItems":3},
                   "level":{"type":"string","enum":["low","high"]},
                   "ratio":{"type":"number","minimum":0,"maximum":1},
                   "flag":{"type":"boolean"},
                   "extra":{"type":["string","null"]}}}
                """);

        for (long seed = 0; seed < 20; seed++) {
            JsonNode value = new SchemaFiller(schema, new SplittableRandom(seed)).fill();

            assertThat(SchemaCheck.violations(schema, value)).as("seed " + seed).isEmpty();
            assertThat(value.path("parts").size()).isBetween(2, 3);
            assertThat(value.at("/parts/0/name").asText()).hasSizeLessThanOrEqualTo(3);
            assertThat(value.at("/parts/0/kind").asText()).isEqualTo("fixed");
        }
    }

    @Test
    void arrays_have_one_to_four_items_unless_the_schema_says_otherwise() {
        JsonNode schema = SimulatorClient.json("{\"type\":\"array\",\"items\":{\"type\":\"integer\"}}");

        for (long seed = 0; seed < 20; seed++) {
            JsonNode value = new SchemaFiller(schema, new SplittableRandom(seed)).fill();

            assertThat(value.size()).isBetween(1, 4);
            assertThat(value.get(0).isIntegralNumber()).isTrue();
        }
    }

    @Test
    void the_same_seed_fills_the_same_value() {
        JsonNode schema = SimulatorClient.json("{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"},"
                + "\"b\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}}}}");

        assertThat(new SchemaFiller(schema, new SplittableRandom(1)).fill())
                .isEqualTo(new SchemaFiller(schema, new SplittableRandom(1)).fill());
    }
}
