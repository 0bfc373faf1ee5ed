package dev.ecoscan.adapter.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecoscan.adapter.openai.ProviderEndpoint.Stage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModelFamilyTest {

    private static final StepLimits LIMITS = new StepLimits(Duration.ofSeconds(1), Duration.ofSeconds(5), 300);

    @Test
    void model_names_are_sorted_into_the_families_openai_documents() {
        assertThat(ModelFamily.of("gpt-4.1-mini")).isEqualTo(ModelFamily.STANDARD);
        assertThat(ModelFamily.of("gpt-4o")).isEqualTo(ModelFamily.STANDARD);
        assertThat(ModelFamily.of("qwen2.5-vl-7b-instruct")).isEqualTo(ModelFamily.STANDARD);
        assertThat(ModelFamily.of("gpt-5")).isEqualTo(ModelFamily.GPT_5);
        assertThat(ModelFamily.of("gpt-5-mini")).isEqualTo(ModelFamily.GPT_5);
        assertThat(ModelFamily.of("gpt-5.1")).isEqualTo(ModelFamily.GPT_5_POINT);
        assertThat(ModelFamily.of("openai/gpt-5.1-mini")).isEqualTo(ModelFamily.GPT_5_POINT);
        assertThat(ModelFamily.of("o3")).isEqualTo(ModelFamily.O_SERIES);
        assertThat(ModelFamily.of("o4-mini")).isEqualTo(ModelFamily.O_SERIES);
        assertThat(ModelFamily.of("olmo-2"))
                .as("an 'o' alone does not make a reasoning model")
                .isEqualTo(ModelFamily.STANDARD);
    }

    @Test
    void each_generation_of_reasoning_models_takes_its_own_efforts() {
        assertThat(ModelFamily.GPT_5_POINT.accepts(ReasoningEffort.NONE)).isTrue();
        assertThat(ModelFamily.GPT_5_POINT.accepts(ReasoningEffort.MINIMAL)).isFalse();
        assertThat(ModelFamily.GPT_5.accepts(ReasoningEffort.MINIMAL)).isTrue();
        assertThat(ModelFamily.GPT_5.accepts(ReasoningEffort.NONE)).isFalse();
        assertThat(ModelFamily.O_SERIES.accepts(ReasoningEffort.LOW)).isTrue();
        assertThat(ModelFamily.O_SERIES.accepts(ReasoningEffort.MINIMAL)).isFalse();
        assertThat(ModelFamily.STANDARD.accepts(ReasoningEffort.LOW)).isFalse();
    }

    @Test
    void a_reasoning_model_gets_max_completion_tokens_and_no_temperature_even_where_the_endpoint_prefers_max_tokens() {
        RequestShape shape = shape(
                "gpt-5.1", TokenParameter.MAX_TOKENS, new Sampling(Optional.of(0.2), Optional.of(ReasoningEffort.LOW)));

        OpenAiChatRequestParameters sent = parameters(shape);

        assertThat(sent.maxCompletionTokens()).isEqualTo(300);
        assertThat(sent.maxOutputTokens()).isNull();
        assertThat(sent.temperature()).isNull();
        assertThat(sent.reasoningEffort()).isEqualTo("low");
        assertThat(shape.notes()).anyMatch(note -> note.contains("temperature is not sent"));
    }

    @Test
    void a_standard_model_gets_its_temperature_and_never_a_reasoning_effort() {
        RequestShape shape = shape(
                "gpt-4.1-mini",
                TokenParameter.MAX_COMPLETION_TOKENS,
                new Sampling(Optional.of(0.2), Optional.of(ReasoningEffort.LOW)));

        OpenAiChatRequestParameters sent = parameters(shape);

        assertThat(sent.maxCompletionTokens()).isEqualTo(300);
        assertThat(sent.temperature()).isEqualTo(0.2);
        assertThat(sent.reasoningEffort()).isNull();
    }

    @Test
    void an_endpoint_that_needs_max_tokens_gets_it_for_standard_models() {
        OpenAiChatRequestParameters sent =
                parameters(shape("llama3.2-vision", TokenParameter.MAX_TOKENS, Sampling.providerDefaults()));

        assertThat(sent.maxOutputTokens()).isEqualTo(300);
        assertThat(sent.maxCompletionTokens()).isNull();
        assertThat(sent.temperature()).isNull();
    }

    @Test
    void an_effort_the_model_refuses_stops_start_up_naming_the_setting_and_the_values_it_takes() {
        assertThatThrownBy(() -> shape(
                        "gpt-5.1",
                        TokenParameter.MAX_COMPLETION_TOKENS,
                        new Sampling(Optional.empty(), Optional.of(ReasoningEffort.MINIMAL))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ECO_SCAN_REASONING_EFFORT")
                .hasMessageContaining("gpt-5.1")
                .hasMessageContaining("none, low, medium, high");
    }

    @Test
    void json_mode_sends_json_object_and_a_sketch_of_the_reply_after_the_static_prompt() {
        ProviderEndpoint endpoint = new ProviderEndpoint(
                "primary",
                Provider.OPENAI_COMPATIBLE,
                URI.create("http://127.0.0.1:1/v1"),
                "key",
                "m",
                "m",
                Optional.empty(),
                StructuredOutput.JSON_OBJECT,
                TokenParameter.MAX_COMPLETION_TOKENS);
        RequestShape shape = new RequestShape(endpoint, Stage.ANSWER, LIMITS, Sampling.providerDefaults());

        ChatRequest request =
                shape.request(List.of(SystemMessage.from("static"), UserMessage.from("question")), AnswerSchema.FORMAT);

        assertThat(request.responseFormat().jsonSchema()).isNull();
        assertThat(request.messages()).hasSize(3);
        assertThat(((SystemMessage) request.messages().get(1)).text())
                .contains("JSON")
                .contains("\"user_answer\"")
                .contains("\"disposal_steps\"");
    }

    private static RequestShape shape(String model, TokenParameter tokens, Sampling sampling) {
        ProviderEndpoint endpoint = new ProviderEndpoint(
                "primary",
                Provider.OPENAI_COMPATIBLE,
                URI.create("http://127.0.0.1:1/v1"),
                "key",
                model,
                model,
                Optional.empty(),
                StructuredOutput.JSON_SCHEMA,
                tokens);
        return new RequestShape(endpoint, Stage.VISION, LIMITS, sampling);
    }

    private static OpenAiChatRequestParameters parameters(RequestShape shape) {
        ChatRequest request =
                shape.request(List.of(SystemMessage.from("s"), UserMessage.from("u")), AnswerSchema.FORMAT);
        return (OpenAiChatRequestParameters) request.parameters();
    }
}
