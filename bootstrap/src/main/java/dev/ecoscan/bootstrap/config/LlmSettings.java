package dev.ecoscan.bootstrap.config;

import dev.ecoscan.adapter.openai.ReasoningEffort;
import dev.ecoscan.simulator.FaultRates;
import java.time.Duration;
import java.util.Optional;

/** How the two model steps are called: strategy, timeouts, token caps, sampling, retries, cache, simulator. */
public record LlmSettings(
        AnswerStrategy answerStrategy,
        Duration visionConnectTimeout,
        Duration visionReadTimeout,
        Duration answerConnectTimeout,
        Duration answerReadTimeout,
        int retries,
        Optional<Double> temperature,
        Optional<ReasoningEffort> reasoningEffort,
        int visionMaxTokens,
        int answerMaxTokens,
        boolean cache,
        int cacheSize,
        double simulatorSpeed,
        FaultRates simulatorFaults) {

    private static final Format<Integer> TOKEN_CAP = Formats.whole(16, 100_000, "a whole number 16-100000");

    static final Setting<AnswerStrategy> ANSWER_STRATEGY = Setting.of(
                    "ECO_SCAN_ANSWER_STRATEGY",
                    "`llm`, `template` (answer composed from the rule, no model call) or `hybrid` (template without"
                            + " a question, LLM with one)",
                    Formats.choice("llm, template or hybrid", AnswerStrategy::parse))
            .defaultsTo("hybrid");
    static final Setting<Duration> VISION_CONNECT_TIMEOUT = Setting.of(
                    "ECO_SCAN_VISION_CONNECT_TIMEOUT", "connect timeout of one vision call", Formats.DURATION_TEXT)
            .defaultsTo("5s");
    static final Setting<Duration> VISION_READ_TIMEOUT = Setting.of(
                    "ECO_SCAN_VISION_READ_TIMEOUT", "whole-reply timeout of one vision call", Formats.DURATION_TEXT)
            .defaultsTo("20s");
    static final Setting<Duration> ANSWER_CONNECT_TIMEOUT = Setting.of(
                    "ECO_SCAN_ANSWER_CONNECT_TIMEOUT", "connect timeout of one answer call", Formats.DURATION_TEXT)
            .defaultsTo("5s");
    static final Setting<Duration> ANSWER_READ_TIMEOUT = Setting.of(
                    "ECO_SCAN_ANSWER_READ_TIMEOUT", "whole-reply timeout of one answer call", Formats.DURATION_TEXT)
            .defaultsTo("30s");
    static final Setting<Integer> RETRIES = Setting.of(
                    "ECO_SCAN_LLM_RETRIES",
                    "retries on one endpoint of a call answered 429 or 5xx (waiting `Retry-After`, never past the"
                            + " deadline) before the chain moves on",
                    Formats.whole(0, 10, "a whole number 0-10"))
            .defaultsTo("2");
    static final Setting<Double> TEMPERATURE = Setting.of(
                    "ECO_SCAN_TEMPERATURE",
                    "sampling temperature of both steps, `0`-`2`; never sent to reasoning models",
                    Formats.decimal(2, "a number 0-2"))
            .defaultIs("the provider's default (not sent)");
    static final Setting<ReasoningEffort> REASONING_EFFORT = Setting.of(
                    "ECO_SCAN_REASONING_EFFORT",
                    "`none`, `minimal`, `low`, `medium` or `high`; sent to reasoning models (o-series, `gpt-5*`)"
                            + " only; a value the configured model refuses stops start-up",
                    Formats.choice("none, minimal, low, medium or high", ReasoningEffort::parse))
            .defaultIs("not sent");
    static final Setting<Integer> VISION_MAX_TOKENS = Setting.of(
                    "ECO_SCAN_VISION_MAX_TOKENS",
                    "cap on a vision reply's output tokens (`max_completion_tokens`; reasoning models count their"
                            + " thinking in it)",
                    TOKEN_CAP)
            .defaultsTo("300");
    static final Setting<Integer> ANSWER_MAX_TOKENS = Setting.of(
                    "ECO_SCAN_ANSWER_MAX_TOKENS", "cap on an answer reply's output tokens", TOKEN_CAP)
            .defaultsTo("500");
    static final Setting<Boolean> CACHE = Setting.of(
                    "ECO_SCAN_CACHE", "cache of LLM results by exact input, `on` or `off`", Formats.ON_OFF)
            .defaultsTo("on");
    static final Setting<Integer> CACHE_SIZE = Setting.of(
                    "ECO_SCAN_CACHE_SIZE", "results kept per LLM step's cache", Formats.POSITIVE)
            .defaultsTo("10000");
    static final Setting<Double> SIMULATOR_SPEED = Setting.of(
                    "ECO_SCAN_SIMULATOR_SPEED",
                    "latency factor of the built-in simulator; `0` is instant",
                    Formats.decimal(100, "a number 0-100"))
            .defaultsTo("1");
    static final Setting<FaultRates> SIMULATOR_FAULTS = Setting.of(
                    "ECO_SCAN_SIMULATOR_FAULTS",
                    "faults the built-in simulator injects, e.g."
                            + " `429=0.1,500=0.05,hang=0.01,malformed=0.05,out_of_taxonomy=0.05`; `confuse=0.2` names"
                            + " another item for that share of images (the same images every run)",
                    new Format<>(
                            "none, or shares like 429=0.1,500=0.05,hang=0.01,malformed=0.05,out_of_taxonomy=0.05,"
                                    + "confuse=0.2",
                            text -> Optional.of(text)
                                    .filter(Formats::faultShares)
                                    .map(FaultRates::parse)))
            .defaultsTo("none");

    static LlmSettings from(SettingValues values) {
        return new LlmSettings(
                values.get(ANSWER_STRATEGY),
                values.get(VISION_CONNECT_TIMEOUT),
                values.get(VISION_READ_TIMEOUT),
                values.get(ANSWER_CONNECT_TIMEOUT),
                values.get(ANSWER_READ_TIMEOUT),
                values.get(RETRIES),
                values.optional(TEMPERATURE),
                values.optional(REASONING_EFFORT),
                values.get(VISION_MAX_TOKENS),
                values.get(ANSWER_MAX_TOKENS),
                values.get(CACHE),
                values.get(CACHE_SIZE),
                values.get(SIMULATOR_SPEED),
                values.get(SIMULATOR_FAULTS));
    }

    /** The simulator's latency factor as people write it: {@code 1}, {@code 0.5}. */
    public String simulatorSpeedText() {
        return simulatorSpeed == Math.rint(simulatorSpeed)
                ? Long.toString((long) simulatorSpeed)
                : Double.toString(simulatorSpeed);
    }
}
