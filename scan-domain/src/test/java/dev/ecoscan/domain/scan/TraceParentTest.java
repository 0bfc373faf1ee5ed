package dev.ecoscan.domain.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class TraceParentTest {

    private static final String VALID = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void a_valid_header_is_kept_lower_case_with_its_trace_id() {
        TraceParent parent =
                TraceParent.parse("  " + VALID.toUpperCase(Locale.ROOT) + " ").orElseThrow();

        assertThat(parent.value()).isEqualTo(VALID);
        assertThat(parent.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void headers_that_name_no_trace_are_ignored() {
        assertThat(TraceParent.parse(null)).isEmpty();
        assertThat(TraceParent.parse("")).isEmpty();
        assertThat(TraceParent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7"))
                .isEmpty();
        assertThat(TraceParent.parse("ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
                .isEmpty();
        assertThat(TraceParent.parse("00-00000000000000000000000000000000-00f067aa0ba902b7-01"))
                .isEmpty();
        assertThat(TraceParent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01"))
                .isEmpty();
        assertThat(TraceParent.parse("00-4bf92f3577b34da6a3ce929d0e0e473x-00f067aa0ba902b7-01"))
                .isEmpty();
    }

    @Test
    void the_constructor_refuses_what_parse_ignores() {
        assertThatThrownBy(() -> new TraceParent("not-a-traceparent")).isInstanceOf(IllegalArgumentException.class);
    }
}
