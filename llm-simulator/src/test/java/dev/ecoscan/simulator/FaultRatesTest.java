package dev.ecoscan.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import org.junit.jupiter.api.Test;

class FaultRatesTest {

    @Test
    void the_command_line_spelling_parses_into_every_share() {
        FaultRates rates = FaultRates.parse("429=0.1,500=0.02,hang=0.01,malformed=0.05,out_of_taxonomy=0.05");

        assertThat(rates).isEqualTo(new FaultRates(0.1, 0.02, 0.01, 0.05, 0.05, 0));
        assertThat(rates.of(Fault.NONE)).isCloseTo(0.77, offset(1e-9));
    }

    @Test
    void none_and_an_empty_spec_mean_no_faults() {
        assertThat(FaultRates.parse("none").isNone()).isTrue();
        assertThat(FaultRates.parse("").isNone()).isTrue();
        assertThat(FaultRates.parse("hang=0.5").isNone()).isFalse();
    }

    @Test
    void a_draw_lays_the_shares_end_to_end_with_normal_answers_last() {
        FaultRates rates = new FaultRates(0.1, 0.2, 0.1, 0.1, 0.1, 0);

        assertThat(rates.draw(0.05)).isEqualTo(Fault.RATE_LIMIT);
        assertThat(rates.draw(0.25)).isEqualTo(Fault.SERVER_ERROR);
        assertThat(rates.draw(0.35)).isEqualTo(Fault.HANG);
        assertThat(rates.draw(0.45)).isEqualTo(Fault.MALFORMED_JSON);
        assertThat(rates.draw(0.55)).isEqualTo(Fault.OUT_OF_TAXONOMY);
        assertThat(rates.draw(0.65)).isEqualTo(Fault.NONE);
        assertThat(FaultRates.none().draw(0.0)).isEqualTo(Fault.NONE);
    }

    @Test
    void shares_outside_zero_to_one_or_adding_up_past_one_are_refused() {
        assertThatThrownBy(() -> new FaultRates(-0.1, 0, 0, 0, 0, 0)).hasMessageContaining("rate_limit");
        assertThatThrownBy(() -> new FaultRates(0, Double.NaN, 0, 0, 0, 0)).hasMessageContaining("server_error");
        assertThatThrownBy(() -> FaultRates.parse("429=0.6,500=0.6")).hasMessageContaining("more than 1");
    }

    @Test
    void parse_errors_name_the_fault_and_what_is_accepted() {
        assertThatThrownBy(() -> FaultRates.parse("404=0.1"))
                .hasMessageContaining("unknown fault '404'")
                .hasMessageContaining("429, 500, hang, malformed, out_of_taxonomy or confuse");
        assertThatThrownBy(() -> FaultRates.parse("hang=lots"))
                .hasMessageContaining("'hang'")
                .hasMessageContaining("lots");
        assertThatThrownBy(() -> FaultRates.parse("hang")).hasMessageContaining("needs a rate");
    }
}
