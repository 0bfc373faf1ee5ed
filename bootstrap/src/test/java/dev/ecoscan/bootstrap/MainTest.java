package dev.ecoscan.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end: real wiring, real data, the sample images. */
class MainTest {

    private static final Path SAMPLES = Path.of(System.getProperty("eco-scan.samples", "../samples"));

    @TempDir
    Path dataDir;

    private final CommandLineRun cli = new CommandLineRun();

    @Test
    void scan_json_prints_a_completed_outcome_in_the_reference_shape() throws Exception {
        // The answer written by the model, whose call shows in llm_usage.
        int code = run(
                settings("ECO_SCAN_ANSWER_STRATEGY", "llm"), "scan", "--image", sample("milk-carton.png"), "--json");

        assertThat(code).isZero();
        JsonNode body = new ObjectMapper().readTree(stdout());
        assertThat(body.path("status").asText()).isEqualTo("completed");
        JsonNode names = body.at("/pipeline_result/classification_result/classification");
        assertThat(names.path("major_category").asText()).isEqualTo("재활용폐기물");
        assertThat(names.path("middle_category").asText()).isEqualTo("종이팩");
        assertThat(names.path("minor_category").asText()).isEqualTo("우유팩");
        assertThat(body.at("/pipeline_result/disposal_rules/key").asText()).isEqualTo("재활용폐기물_종이팩");
        assertThat(body.at("/pipeline_result/final_answer/disposal_steps/단계1").asText())
                .isNotBlank();
        assertThat(body.at("/pipeline_result/final_answer/user_answer").asText())
                .isNotBlank();
        assertThat(body.at("/reward/received").asBoolean()).isTrue();
        assertThat(body.at("/reward_status/status").asText()).isEqualTo("granted");
        assertThat(body.path("timings"))
                .extracting(t -> t.path("step").asText())
                .containsExactly("vision", "rag", "answer", "reward_match");
        assertThat(body.path("llm_usage"))
                .extracting(t -> t.path("step").asText())
                .containsExactly("vision", "answer");
        assertThat(body.at("/llm_usage/0/input_tokens").asInt()).isPositive();
        assertThat(stderr()).contains("LLM: SIMULATED").contains("OPENAI_API_KEY");
    }

    @Test
    void a_sample_with_something_to_fix_completes_without_a_reward() throws Exception {
        int code = run(settings(), "scan", "--image", sample("water-bottle.png"), "--json");

        assertThat(code).isZero();
        JsonNode body = new ObjectMapper().readTree(stdout());
        assertThat(body.at("/pipeline_result/final_answer/insufficiencies")).isNotEmpty();
        assertThat(body.path("reward").isNull()).isTrue();
        assertThat(body.at("/reward_status/status").asText()).isEqualTo("not_eligible");
    }

    @Test
    void readable_output_shows_the_path_the_rule_the_answer_the_reward_and_timings() {
        int code = run(settings(), "scan", "--image", sample("soju-bottle.png"), "--question", "뚜껑은요?");

        assertThat(code).isZero();
        assertThat(stdout())
                .contains("재활용폐기물 > 유리병 > 소주병")
                .contains("재활용폐기물_유리병")
                .contains("answer")
                .contains("received")
                .contains("vision")
                .contains("reward_match");
    }

    @Test
    void an_item_the_model_cannot_place_is_rejected_with_exit_code_3() throws Exception {
        int code = run(settings(), "scan", "--image", sample("unknown-gadget.png"), "--json");

        assertThat(code).isEqualTo(ExitCodes.REJECTED);
        JsonNode body = new ObjectMapper().readTree(stdout());
        assertThat(body.path("status").asText()).isEqualTo("failed");
        assertThat(body.at("/error/code").asText()).isEqualTo("UNCLASSIFIABLE");
        assertThat(body.path("timings")).hasSize(1);
    }

    @Test
    void a_missing_image_is_rejected_as_unreadable() {
        int code = run(settings(), "scan", "--image", "no/such/photo.png");

        assertThat(code).isEqualTo(ExitCodes.REJECTED);
        assertThat(stdout()).contains("unreadable_image").contains("no such file");
    }

    @Test
    void a_bad_setting_stops_with_exit_code_2_and_names_it() {
        int code = run(settings("ECO_SCAN_DEADLINE", "forever"), "scan", "--image", sample("milk-carton.png"));

        assertThat(code).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(stderr()).contains("ECO_SCAN_DEADLINE").contains("55s");
    }

    @Test
    void serve_on_a_public_listener_without_a_provider_stops_naming_the_settings() {
        int code = run(
                settings(
                        "ECO_SCAN_HOST",
                        "0.0.0.0",
                        "ECO_SCAN_PORT",
                        "0",
                        "ECO_SCAN_JWT_SECRET",
                        "a-jwt-secret-of-at-least-32-bytes-long",
                        "ECO_SCAN_JWT_ISSUER",
                        "i",
                        "ECO_SCAN_JWT_AUDIENCE",
                        "a"),
                "serve");

        assertThat(code).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(stderr())
                .contains("prod mode never runs the built-in LLM simulator")
                .contains("OPENAI_API_KEY")
                .contains("OPENAI_BASE_URL")
                .contains("ECO_SCAN_HOST=0.0.0.0");
    }

    @Test
    void serve_in_gateway_mode_without_the_gateway_secret_stops_naming_it() {
        int code = run(settings("ECO_SCAN_AUTH", "gateway", "ECO_SCAN_PORT", "0"), "serve");

        assertThat(code).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(stderr()).contains("ECO_SCAN_GATEWAY_SECRET");
    }

    @Test
    void secrets_never_reach_an_error_message() {
        int code = run(
                settings("ECO_SCAN_DEADLINE", "forever", "ECO_SCAN_SERVICE_TOKEN", "my-service-token-123"),
                "scan",
                "--image",
                "https://user:hunter22-password@127.0.0.1:1/x.png");

        assertThat(code).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(stdout() + stderr()).doesNotContain("hunter22-password").doesNotContain("my-service-token-123");
    }

    @Test
    void a_missing_image_option_is_a_usage_error() {
        assertThat(run(settings(), "scan")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(stderr()).contains("--image");
    }

    @Test
    void the_template_strategy_answers_from_the_rule() {
        int code = run(settings("ECO_SCAN_ANSWER_STRATEGY", "template"), "scan", "--image", sample("milk-carton.png"));

        assertThat(code).isZero();
        assertThat(stderr()).contains("Answers: template strategy");
        assertThat(stdout()).contains("우유팩은 재활용폐기물 중 종이팩으로 배출해요.");
    }

    @Test
    void taxonomy_find_shows_the_path_of_matching_items() {
        int code = run(settings(), "taxonomy", "--find", "우유");

        assertThat(code).isZero();
        assertThat(stdout()).contains("재활용폐기물 > 종이팩 > 우유팩");
    }

    @Test
    void taxonomy_without_a_search_lists_the_whole_tree() {
        assertThat(run(settings(), "taxonomy")).isZero();
        assertThat(stdout()).contains("생활계유해폐기물").contains("7 majors");
        // Every item line (the lines with aliases) names where its advice comes from.
        assertThat(stdout().lines().filter(line -> line.contains("  = ")))
                .hasSizeGreaterThanOrEqualTo(550)
                .allSatisfy(line -> assertThat(line).containsPattern("\\(sources: [a-z0-9.-]+\\.[a-z]+"));
    }

    @Test
    void help_lists_every_setting_with_its_one_default() {
        assertThat(run(settings(), "--help")).isZero();

        assertThat(stdout())
                .contains("ECO_SCAN_DEADLINE")
                .containsPattern("ECO_SCAN_DEADLINE +default: 55s")
                .containsPattern("ECO_SCAN_CACHE +default: on")
                .containsPattern("ECO_SCAN_RATE_LIMIT +default: 60/min in prod, off in dev")
                .containsPattern("ECO_SCAN_DRAIN_GRACE +default: 25s");
    }

    private Map<String, String> settings(String... extra) {
        return CommandLineRun.settings(dataDir, extra);
    }

    private int run(Map<String, String> env, String... args) {
        return cli.run(env, args);
    }

    private static String sample(String name) {
        return SAMPLES.resolve(name).toString();
    }

    private String stdout() {
        return cli.stdout();
    }

    private String stderr() {
        return cli.stderr();
    }
}
