package dev.ecoscan.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecoscan.data.KnowledgeBase;
import dev.ecoscan.domain.taxonomy.Item;
import dev.ecoscan.testkit.PngText;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eco-scan eval} end to end: real wiring, the built-in simulator at speed 0. */
class EvalCommandTest {

    private static final Path SAMPLES = Path.of(System.getProperty("eco-scan.samples", "../samples"));

    @TempDir
    Path dataDir;

    @TempDir
    Path work;

    private final CommandLineRun cli = new CommandLineRun();

    @Test
    void eval_of_the_samples_prints_accuracy_tokens_cost_and_latency() {
        int code = run(settings(), "eval", SAMPLES.toString());

        assertThat(code).as(stderr()).isZero();
        assertThat(stdout())
                .contains("13 images (12 items, 1 expected rejections)")
                .contains("major 100.0% (12/12)  middle 100.0% (12/12)  item 100.0% (12/12)")
                .contains("expected caught 100.0% (1/1)")
                .contains("false rejections 0.0% (0/12)")
                .containsPattern("vision \\d[\\d,]* ms / \\d[\\d,]* ms")
                .containsPattern("input [\\d,]+ uncached \\+ [\\d,]+ cached, output [\\d,]+ in 13 calls")
                .containsPattern("cost per scan +\\$0\\.\\d{6}")
                .contains("confused most    none");
        assertThat(stderr()).doesNotContain("\r");
    }

    @Test
    void the_json_counts_the_unknown_gadget_as_a_caught_rejection_with_tokens_and_a_cost() throws IOException {
        int code = run(settings(), "eval", SAMPLES.toString(), "--json");

        assertThat(code).as(stderr()).isZero();
        JsonNode model = json().at("/models/0");
        assertThat(json().path("images").asInt()).isEqualTo(13);
        assertThat(model.at("/rejections/expected_caught/hits").asInt()).isEqualTo(1);
        assertThat(model.at("/rejections/expected_caught/total").asInt()).isEqualTo(1);
        assertThat(model.at("/accuracy/item/share").asDouble()).isEqualTo(1.0);
        assertThat(model.at("/tags/recall/share").asDouble()).isEqualTo(1.0);
        assertThat(model.at("/tokens/input_uncached").asLong()).isPositive();
        assertThat(model.at("/tokens/output").asLong()).isPositive();
        assertThat(model.at("/tokens/calls").asInt()).isEqualTo(13);
        assertThat(model.at("/cost_per_scan_usd").asDouble()).isPositive();
        assertThat(model.at("/latency_ms").has("vision")).isTrue();
        assertThat(model.at("/latency_ms").has("answer")).isTrue();
    }

    @Test
    void a_report_dir_gets_markdown_and_html_with_a_chart() throws IOException {
        Path dir = work.resolve("report");

        int code = run(settings(), "eval", SAMPLES.toString(), "--report", dir.toString());

        assertThat(code).as(stderr()).isZero();
        String html = Files.readString(dir.resolve("report.html"));
        String markdown = Files.readString(dir.resolve("report.md"));
        assertThat(html).contains("<svg").contains("Accuracy by level").doesNotContain("<script");
        assertThat(markdown).contains("![accuracy.svg](accuracy.svg)").contains("| item |");
        assertThat(Files.readString(dir.resolve("accuracy.svg"))).startsWith("<svg");
    }

    @Test
    void with_the_simulator_confusing_a_fifth_of_images_item_accuracy_is_near_eighty_percent() throws IOException {
        Path set = generatedSet(150);

        int code = run(settings("ECO_SCAN_SIMULATOR_FAULTS", "confuse=0.2"), "eval", set.toString(), "--json");

        assertThat(code).as(stderr()).isZero();
        JsonNode model = json().at("/models/0");
        assertThat(model.at("/accuracy/item/total").asInt()).isEqualTo(150);
        assertThat(model.at("/accuracy/item/share").asDouble()).isBetween(0.72, 0.88);
        assertThat(model.at("/accuracy/major/share").asDouble())
                .isGreaterThanOrEqualTo(model.at("/accuracy/item/share").asDouble());
        assertThat(model.path("confusions")).isNotEmpty();
    }

    @Test
    void models_are_compared_in_one_run_one_pass_each() throws IOException {
        int code = run(settings(), "eval", SAMPLES.toString(), "--json", "--models", "gpt-4.1-mini,no-such-model");

        assertThat(code).as(stderr()).isZero();
        assertThat(json().at("/models/0/model").asText()).isEqualTo("gpt-4.1-mini");
        assertThat(json().at("/models/1/model").asText()).isEqualTo("no-such-model");
        assertThat(json().at("/models/1/cost_per_scan_usd").isNull()).isTrue();
    }

    @Test
    void a_set_that_is_not_there_is_a_usage_error() {
        assertThat(run(settings(), "eval", work.resolve("nothing").toString())).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(stderr()).contains("neither a folder of images nor a .csv file");
    }

    /** {@code count} PNGs labelled with items spread over the whole taxonomy, each with bytes of its own. */
    private Path generatedSet(int count) throws IOException {
        Path set = Files.createDirectories(work.resolve("set"));
        List<Item> items = KnowledgeBase.embedded().taxonomy().items().toList();
        for (int i = 0; i < count; i++) {
            Item item = items.get((i * 7) % items.size());
            BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
            image.setRGB(i % 16, (i / 16) % 16, 0xFFFFFF - i);
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            Files.write(
                    set.resolve("image-" + i + ".png"),
                    PngText.write(png.toByteArray(), PngText.ITEM_KEY, item.id().value()));
        }
        return set;
    }

    private Map<String, String> settings(String... extra) {
        return CommandLineRun.settings(dataDir, extra);
    }

    private int run(Map<String, String> env, String... args) {
        return cli.run(env, args);
    }

    private JsonNode json() throws IOException {
        return new ObjectMapper().readTree(stdout());
    }

    private String stdout() {
        return cli.stdout();
    }

    private String stderr() {
        return cli.stderr();
    }
}
