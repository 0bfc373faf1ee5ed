package dev.ecoscan.adapter.openai;

import java.util.Arrays;
import java.util.Optional;

/** How an endpoint is asked for JSON. Either way the reply is checked again: model output is untrusted. */
public enum StructuredOutput {
    /** {@code response_format: json_schema} with {@code strict: true}: the server enforces the schema. */
    JSON_SCHEMA("json_schema"),
    /**
     * {@code response_format: json_object}, for servers without strict schemas: the schema goes into
     * the prompt instead, and eco-scan's own validation and repair carry the weight.
     */
    JSON_OBJECT("json_object");

    private final String setting;

    StructuredOutput(String setting) {
        this.setting = setting;
    }

    public String setting() {
        return setting;
    }

    public static Optional<StructuredOutput> parse(String text) {
        return Arrays.stream(values()).filter(s -> s.setting.equals(text)).findFirst();
    }
}
