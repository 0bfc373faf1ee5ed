package dev.ecoscan.bootstrap.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @Test
    void at_a_terminal_the_bar_is_redrawn_in_place_and_ends_its_line_once_full() {
        ProgressBar bar = ProgressBar.on(out, true);

        bar.start("load (s)", 4);
        bar.at(1);
        bar.at(3);
        bar.at(2); // a late tick does not move it back
        bar.at(9); // nor past the end

        String text = printed.toString(StandardCharsets.UTF_8);
        assertThat(text.split("\r", -1)).hasSize(5); // the empty bar, 1, 3 and 4 drawn after a '\r' each
        assertThat(text).contains("] 1/4").contains("] 3/4").endsWith("] 4/4" + System.lineSeparator());
        assertThat(text).doesNotContain("2/4").doesNotContain("9/4");
    }

    @Test
    void into_a_pipe_or_a_file_it_prints_nothing() {
        ProgressBar bar = ProgressBar.on(out, false);

        bar.start("load (s)", 3);
        bar.advance();
        bar.at(3);

        assertThat(printed.size()).isZero();
    }

    @Test
    void a_named_stage_replaces_the_label_and_a_shorter_one_leaves_no_tail() {
        ProgressBar bar = ProgressBar.on(out, true);

        bar.start("a long first stage", 3);
        bar.at(1, "short");

        String text = printed.toString(StandardCharsets.UTF_8);
        String last = text.substring(text.lastIndexOf('\r') + 1);
        assertThat(last).startsWith("short [").contains("] 1/3");
        assertThat(last.length())
                .isEqualTo(text.substring(1, text.lastIndexOf('\r')).length());
    }

    @Test
    void clearing_an_unfinished_bar_blanks_its_line_and_a_full_one_is_left_alone() {
        ProgressBar bar = ProgressBar.on(out, true);
        bar.start("scan", 4);
        bar.at(1);
        int before = printed.size();

        bar.clear();

        String wiped = printed.toString(StandardCharsets.UTF_8).substring(before);
        assertThat(wiped).matches("\r +\r");

        ProgressBar full = ProgressBar.on(out, true);
        full.start("scan", 1);
        full.advance();
        int after = printed.size();
        full.clear();
        assertThat(printed.size()).isEqualTo(after);
    }
}
