package dev.ecoscan.adapter.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import dev.ecoscan.data.KnowledgeBase;
import dev.ecoscan.domain.answer.Answer;
import dev.ecoscan.domain.port.AnswerRequest;
import dev.ecoscan.domain.port.AnswerResult;
import dev.ecoscan.domain.scan.ScanId;
import dev.ecoscan.domain.taxonomy.CategoryLabels;
import dev.ecoscan.domain.taxonomy.Classification;
import dev.ecoscan.domain.taxonomy.Resolution;
import dev.ecoscan.simulator.LlmSimulator;
import dev.ecoscan.simulator.SimulatorConfig;
import dev.ecoscan.testkit.RecordingModelCalls;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The answer a grounded model writes when it keeps the answer prompt's limits (1-2 short sentences,
 * at most 3 steps, every action-needed line), counted with o200k_base as the reply JSON a scan pays
 * output prices for: it must stay within 120 tokens for a typical item with a question.
 */
class AnswerTokenBudgetTest {

    private static final int BUDGET = 120;
    private static final KnowledgeBase KNOWLEDGE = KnowledgeBase.embedded();
    private static final Encoding O200K = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
    private static final ObjectMapper JSON = new ObjectMapper();

    private LlmSimulator simulator;

    @AfterEach
    void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void a_bottle_with_its_label_on_and_a_question_is_answered_within_the_budget() {
        int tokens = replyTokens(CategoryLabels.of("재활용폐기물", "무색페트병", "먹는샘물 페트병", "비닐_라벨_부착"));

        System.out.println("answer reply tokens (o200k_base), bottle with its label on: " + tokens);
        assertThat(tokens).isLessThanOrEqualTo(BUDGET);
    }

    @Test
    void a_milk_carton_with_a_question_is_answered_within_the_budget() {
        int tokens = replyTokens(CategoryLabels.of("재활용폐기물", "종이팩", "우유팩"));

        System.out.println("answer reply tokens (o200k_base), milk carton: " + tokens);
        assertThat(tokens).isLessThanOrEqualTo(BUDGET);
    }

    private int replyTokens(CategoryLabels labels) {
        Classification classification =
                ((Resolution.Resolved) KNOWLEDGE.taxonomy().resolve(labels)).classification();
        AnswerRequest request = new AnswerRequest(
                ScanId.random(),
                classification,
                KNOWLEDGE.rules().find(classification).orElseThrow(),
                Optional.of("이거 어떻게 버려요?"),
                Instant.now().plusSeconds(30));
        AnswerResult result = adapters().answers().answer(request);
        assertThat(result).isInstanceOf(AnswerResult.Answered.class);
        Answer answer = ((AnswerResult.Answered) result).answer();
        // The reply as the model writes it: the answer schema's three fields, compact JSON.
        ObjectNode reply = JSON.createObjectNode();
        reply.put(AnswerSchema.USER_ANSWER, answer.userAnswer());
        answer.steps().forEach(reply.putArray(AnswerSchema.STEPS)::add);
        answer.insufficiencies().forEach(reply.putArray(AnswerSchema.INSUFFICIENCIES)::add);
        return O200K.countTokens(reply.toString());
    }

    private OpenAiAdapters adapters() {
        simulator = LlmSimulator.start(SimulatorConfig.instant().withPort(0));
        return OpenAiAdapters.create(
                SimulatorEndpoint.settings(simulator, 500, 2, false),
                KNOWLEDGE.taxonomy(),
                new RecordingModelCalls(),
                Clock.systemUTC());
    }
}
