package dev.ecoscan.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code eco-scan scan} shows which step runs, at a terminal only, and never on stdout. */
class ScanProgressTest {

    private static final Path SAMPLES = Path.of(System.getProperty("eco-scan.samples", "../samples"));

    @TempDir
    Path dataDir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void at_a_terminal_each_step_is_named_as_it_starts_and_the_bar_fills() {
        int code = scan(true, "milk-carton.png");

        assertThat(code).isZero();
        String progress = err();
        assertThat(progress)
                .contains("classifying the photo")
                .contains("looking up the rule")
                .contains("writing the answer")
                .contains("matching a reward")
                .contains("] 4/4");
        assertThat(progress.indexOf("looking up the rule")).isLessThan(progress.indexOf("matching a reward"));
        // Every label is as wide as the longest, so the bar never moves sideways.
        assertThat(progress.split("\r"))
                .filteredOn(line -> line.contains("["))
                .extracting(line -> line.indexOf('['))
                .containsOnly("classifying the photo ".length());
        assertThat(out()).doesNotContain("\r").contains("재활용폐기물 > 종이팩 > 우유팩");
    }

    @Test
    void a_scan_that_stops_early_erases_its_bar_before_the_result() {
        int code = scan(true, "unknown-gadget.png");

        assertThat(code).isEqualTo(ExitCodes.REJECTED);
        // Drawn at 0/4, moved to 1/4 after the vision step, then wiped with blanks back to the line's start.
        assertThat(err()).contains("] 1/4").doesNotContain("2/4").endsWith("\r");
    }

    @Test
    void into_a_pipe_nothing_but_the_result_is_printed() {
        int code = scan(false, "milk-carton.png");

        assertThat(code).isZero();
        assertThat(err()).doesNotContain("classifying").doesNotContain("\r");
        assertThat(out()).contains("우유팩");
    }

    private int scan(boolean terminal, String sample) {
        CommandContext context = new CommandContext(
                CommandLineRun.settings(dataDir),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Clock.systemUTC());
        return new CommandLine(new ScanCommand(context, terminal))
                .execute("--image", SAMPLES.resolve(sample).toString());
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
