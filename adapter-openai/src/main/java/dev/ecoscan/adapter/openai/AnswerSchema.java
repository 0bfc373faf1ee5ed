package dev.ecoscan.adapter.openai;

import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;

/** The answer reply's JSON schema: {@code {user_answer, disposal_steps[], insufficiencies[]}}. */
final class AnswerSchema {

    static final String USER_ANSWER = "user_answer";
    static final String STEPS = "disposal_steps";
    static final String INSUFFICIENCIES = "insufficiencies";

    static final ResponseFormat FORMAT = ResponseFormat.builder()
            .type(ResponseFormatType.JSON)
            .jsonSchema(JsonSchema.builder()
                    .name("disposal_answer")
                    .rootElement(JsonObjectSchema.builder()
                            .addStringProperty(USER_ANSWER)
                            .addProperty(
                                    STEPS,
                                    JsonArraySchema.builder()
                                            .items(new JsonStringSchema())
                                            .build())
                            .addProperty(
                                    INSUFFICIENCIES,
                                    JsonArraySchema.builder()
                                            .items(new JsonStringSchema())
                                            .build())
                            .required(USER_ANSWER, STEPS, INSUFFICIENCIES)
                            .additionalProperties(false)
                            .build())
                    .build())
            .build();

    private AnswerSchema() {}
}
