package dev.ecoscan.application.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.ecoscan.domain.port.ModelCall;
import dev.ecoscan.domain.scan.ScanId;
import dev.ecoscan.domain.scan.Step;
import java.io.StringReader;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A call's cost from its tokens and a dated table; an unknown model has no estimate, not a zero one. */
class PriceTableTest {

    private final PriceTable bundled = PriceTable.bundled();

    @Test
    void the_bundled_table_is_dated_and_prices_the_default_model() {
        assertThat(bundled.asOf()).hasValue(LocalDate.of(2026, 12, 7));
        assertThat(bundled.forModel("gpt-4.1-mini")).hasValueSatisfying(price -> {
            assertThat(price.inputPerMillion()).isEqualTo(0.40);
            assertThat(price.outputPerMillion()).isEqualTo(1.60);
        });
    }

    @Test
    void cached_input_is_billed_at_its_own_rate() {
        // 1,000 input of which 600 cached, 100 output at gpt-4.1-mini: 400 x 0.40 + 600 x 0.10 + 100 x 1.60.
        ModelCall call = call("gpt-4.1-mini", 1_000, 600, 100);
        assertThat(bundled.costUsd(call))
                .hasValueSatisfying(cost ->
                        assertThat(cost).isCloseTo((400 * 0.40 + 600 * 0.10 + 100 * 1.60) / 1e6, within(1e-12)));
    }

    @Test
    void a_dated_model_name_is_priced_as_its_family_and_the_longest_family_wins() {
        assertThat(bundled.forModel("gpt-4.1-mini-2025-04-14"))
                .hasValueSatisfying(price -> assertThat(price.model()).isEqualTo("gpt-4.1-mini"));
        assertThat(bundled.forModel("gpt-4.1-2025-04-14"))
                .hasValueSatisfying(price -> assertThat(price.model()).isEqualTo("gpt-4.1"));
    }

    @Test
    void an_unknown_model_has_no_estimate() {
        assertThat(bundled.costUsd(call("llama-3.2-vision", 1_000, 0, 100))).isEmpty();
        assertThat(bundled.forModel("gpt-4.10")).isEmpty();
    }

    @Test
    void a_table_of_ones_own_replaces_the_list_prices() throws Exception {
        PriceTable own = PriceTable.parse(
                new StringReader("# as_of: 2026-11-30\nmodel,input,cached_input,output\nqwen2.5-vl,0.01,0.01,0.02\n"));
        assertThat(own.asOf()).hasValue(LocalDate.of(2026, 11, 30));
        assertThat(own.costUsd(call("Qwen2.5-VL", 1_000_000, 0, 0))).hasValue(0.01);
    }

    @Test
    void a_broken_table_names_its_line() {
        assertThatThrownBy(() -> PriceTable.parse(new StringReader("model,input,output\n")))
                .hasMessageContaining("line 1");
        assertThatThrownBy(() -> PriceTable.parse(new StringReader("model,input,cached_input,output\ngpt-x,abc,0,0\n")))
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> PriceTable.parse(new StringReader("model,input,cached_input,output\ngpt-x,-1,0,0\n")))
                .hasMessageContaining("not negative");
        assertThatThrownBy(() -> PriceTable.parse(new StringReader("model,input,cached_input,output\n")))
                .hasMessageContaining("no prices");
    }

    private static ModelCall call(String model, int input, int cached, int output) {
        return new ModelCall(
                ScanId.random(),
                Step.VISION,
                "primary",
                "openai",
                model,
                input,
                output,
                cached == 0 ? Optional.empty() : Optional.of(cached),
                Duration.ofMillis(10),
                "ok");
    }
}
