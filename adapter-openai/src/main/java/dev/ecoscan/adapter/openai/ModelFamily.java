package dev.ecoscan.adapter.openai;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a model accepts, told from its name before the first request is sent, because a provider
 * refuses a whole call for one parameter its model does not take. OpenAI's reasoning models (the
 * o-series and every {@code gpt-5*}) refuse {@code max_tokens} and any {@code temperature} but the
 * default; only they take {@code reasoning_effort}, and each generation takes its own values.
 */
public enum ModelFamily {
    /** Chat models such as gpt-4.1 and gpt-4o, and the open models behind vLLM or Ollama. */
    STANDARD(EnumSet.noneOf(ReasoningEffort.class)),
    /** o1, o3, o4-mini, ...: low, medium, high. */
    O_SERIES(EnumSet.of(ReasoningEffort.LOW, ReasoningEffort.MEDIUM, ReasoningEffort.HIGH)),
    /** gpt-5, gpt-5-mini, gpt-5-nano: minimal, low, medium, high. */
    GPT_5(EnumSet.of(ReasoningEffort.MINIMAL, ReasoningEffort.LOW, ReasoningEffort.MEDIUM, ReasoningEffort.HIGH)),
    /** gpt-5.1 and later point releases: none (their default), low, medium, high. */
    GPT_5_POINT(EnumSet.of(ReasoningEffort.NONE, ReasoningEffort.LOW, ReasoningEffort.MEDIUM, ReasoningEffort.HIGH));

    private static final Pattern O_SERIES_NAME = Pattern.compile("o\\d.*");
    private static final Pattern GPT_5_POINT_NAME = Pattern.compile("gpt-5\\.\\d.*");
    private static final Pattern GPT_5_NAME = Pattern.compile("gpt-5(-.*)?");

    private final Set<ReasoningEffort> efforts;

    ModelFamily(Set<ReasoningEffort> efforts) {
        this.efforts = efforts;
    }

    /**
     * The family of a model name. A gateway's prefix ({@code openai/gpt-5.1} on LiteLLM) is ignored;
     * a name nothing matches is a standard chat model.
     */
    public static ModelFamily of(String model) {
        String name = model.substring(model.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (GPT_5_POINT_NAME.matcher(name).matches()) {
            return GPT_5_POINT;
        }
        if (GPT_5_NAME.matcher(name).matches()) {
            return GPT_5;
        }
        return O_SERIES_NAME.matcher(name).matches() ? O_SERIES : STANDARD;
    }

    /** Reasoning models take neither {@code max_tokens} nor a non-default {@code temperature}. */
    public boolean reasons() {
        return this != STANDARD;
    }

    public boolean accepts(ReasoningEffort effort) {
        return efforts.contains(effort);
    }

    /** The efforts it accepts, for messages. */
    public String acceptedEfforts() {
        return efforts.isEmpty()
                ? "none (it is not a reasoning model)"
                : String.join(", ", efforts.stream().map(ReasoningEffort::wire).toList());
    }
}
