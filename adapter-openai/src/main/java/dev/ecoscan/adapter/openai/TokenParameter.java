package dev.ecoscan.adapter.openai;

import java.util.Arrays;
import java.util.Optional;

/** The name an endpoint takes for the cap on output tokens. */
public enum TokenParameter {
    /** OpenAI's current name, the only one its reasoning models take. */
    MAX_COMPLETION_TOKENS("max_completion_tokens"),
    /** The older name, for servers that know no other. */
    MAX_TOKENS("max_tokens");

    private final String setting;

    TokenParameter(String setting) {
        this.setting = setting;
    }

    public String setting() {
        return setting;
    }

    public static Optional<TokenParameter> parse(String text) {
        return Arrays.stream(values()).filter(t -> t.setting.equals(text)).findFirst();
    }
}
