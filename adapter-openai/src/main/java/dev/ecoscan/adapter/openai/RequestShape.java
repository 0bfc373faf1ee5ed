package dev.ecoscan.adapter.openai;

import dev.ecoscan.adapter.openai.ProviderEndpoint.Stage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The parameters one step sends to one endpoint, decided once from the model's family and the
 * endpoint's capabilities, so that the first request is already one the provider accepts: no
 * "send, get a 400, adapt". A reasoning model gets {@code max_completion_tokens}, never a
 * temperature, and its reasoning effort only when the family takes that value; a standard model gets
 * a temperature when one is set, and never a reasoning effort.
 */
final class RequestShape {

    private final String model;
    private final ModelFamily family;
    private final StepLimits limits;
    private final TokenParameter tokenParameter;
    private final StructuredOutput output;
    private final Optional<Double> temperature;
    private final Optional<ReasoningEffort> effort;
    private final List<String> notes = new ArrayList<>();
    /** False for a caller's model: its own defaults (model, token cap, sampling) govern every call. */
    private final boolean setsParameters;

    /** @throws IllegalArgumentException when the configured reasoning effort is one the model refuses */
    RequestShape(ProviderEndpoint endpoint, Stage stage, StepLimits limits, Sampling sampling) {
        this.setsParameters = true;
        this.model = endpoint.model(stage);
        this.family = ModelFamily.of(model);
        this.limits = limits;
        this.output = endpoint.output();
        // Reasoning models refuse max_tokens whatever the endpoint says it prefers.
        this.tokenParameter = family.reasons() ? TokenParameter.MAX_COMPLETION_TOKENS : endpoint.tokenParameter();
        if (family.reasons() && endpoint.tokenParameter() == TokenParameter.MAX_TOKENS) {
            notes.add(model + " is a reasoning model: its token cap goes as max_completion_tokens, not max_tokens");
        }
        this.temperature = family.reasons() ? Optional.empty() : sampling.temperature();
        if (family.reasons() && sampling.temperature().isPresent()) {
            notes.add("temperature is not sent to " + model + ": reasoning models accept only their default");
        }
        Optional<ReasoningEffort> wanted = sampling.reasoningEffort();
        if (wanted.isPresent() && family.reasons() && !family.accepts(wanted.get())) {
            throw new IllegalArgumentException(
                    "ECO_SCAN_REASONING_EFFORT is '" + wanted.get().wire() + "', which "
                            + model + " (" + endpoint.name() + " endpoint) does not accept; it accepts "
                            + family.acceptedEfforts());
        }
        this.effort = family.reasons() ? wanted : Optional.empty();
        if (!family.reasons() && wanted.isPresent()) {
            notes.add("reasoning effort is not sent to " + model + ": it is not a reasoning model");
        }
    }

    private RequestShape(String model, StructuredOutput output) {
        this.setsParameters = false;
        this.model = model;
        this.family = ModelFamily.of(model);
        this.limits = null;
        this.tokenParameter = TokenParameter.MAX_COMPLETION_TOKENS;
        this.output = output;
        this.temperature = Optional.empty();
        this.effort = Optional.empty();
    }

    /**
     * The shape for a model the caller built: eco-scan sends only the messages and the response
     * format (a strict schema when the model says it takes one, else JSON mode and a sketch of the
     * schema), and leaves the model name, the token cap and sampling to the model's own defaults.
     */
    static RequestShape ofCallersModel(ChatModel model) {
        String name = Optional.ofNullable(model.defaultRequestParameters())
                .map(ChatRequestParameters::modelName)
                .orElse("caller-model");
        boolean strict = model.supportedCapabilities().contains(Capability.RESPONSE_FORMAT_JSON_SCHEMA);
        return new RequestShape(name, strict ? StructuredOutput.JSON_SCHEMA : StructuredOutput.JSON_OBJECT);
    }

    /** Why some configured parameter is not sent, for the start-up banner. */
    List<String> notes() {
        return List.copyOf(notes);
    }

    String model() {
        return model;
    }

    ModelFamily family() {
        return family;
    }

    StructuredOutput output() {
        return output;
    }

    TokenParameter tokenParameter() {
        return tokenParameter;
    }

    /**
     * The request for these messages. With strict schemas the schema travels as the response format;
     * without, as JSON mode plus a sketch of the expected object right after the static system prompt.
     */
    ChatRequest request(List<ChatMessage> messages, ResponseFormat schema) {
        ResponseFormat format = output == StructuredOutput.JSON_SCHEMA
                ? schema
                : ResponseFormat.builder().type(ResponseFormatType.JSON).build();
        List<ChatMessage> sent = messages;
        if (output != StructuredOutput.JSON_SCHEMA) {
            sent = new ArrayList<>(messages);
            sent.add(1, SystemMessage.from(SchemaSketch.instruction(schema)));
        }
        if (!setsParameters) {
            return ChatRequest.builder()
                    .messages(List.copyOf(sent))
                    .responseFormat(format)
                    .build();
        }
        OpenAiChatRequestParameters.Builder parameters =
                OpenAiChatRequestParameters.builder().modelName(model).responseFormat(format);
        if (tokenParameter == TokenParameter.MAX_COMPLETION_TOKENS) {
            parameters.maxCompletionTokens(limits.maxOutputTokens());
        } else {
            parameters.maxOutputTokens(limits.maxOutputTokens());
        }
        temperature.ifPresent(parameters::temperature);
        effort.ifPresent(e -> parameters.reasoningEffort(e.wire()));
        return ChatRequest.builder()
                .messages(List.copyOf(sent))
                .parameters(parameters.build())
                .build();
    }

    /** One line for the banner: the model and what it is sent. */
    String describe() {
        if (!setsParameters) {
            return model + " (the caller's model, with its own parameters; " + output.setting() + ")";
        }
        return model + " (" + (family.reasons() ? "reasoning" : "chat") + "; " + tokenParameter.setting() + ", "
                + output.setting()
                + effort.map(e -> ", reasoning_effort " + e.wire()).orElse("")
                + temperature.map(t -> ", temperature " + t).orElse("") + ")";
    }
}
