package dev.ecoscan.adapter.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecoscan.data.KnowledgeBase;
import dev.ecoscan.domain.answer.Answer;
import dev.ecoscan.domain.port.AnswerRequest;
import dev.ecoscan.domain.port.AnswerResult;
import dev.ecoscan.domain.rule.DisposalRule;
import dev.ecoscan.domain.scan.AnswerDelta;
import dev.ecoscan.domain.scan.ScanId;
import dev.ecoscan.domain.taxonomy.CategoryLabels;
import dev.ecoscan.domain.taxonomy.Classification;
import dev.ecoscan.domain.taxonomy.Resolution;
import dev.ecoscan.domain.taxonomy.Taxonomy;
import dev.ecoscan.simulator.Fault;
import dev.ecoscan.simulator.LlmSimulator;
import dev.ecoscan.simulator.RequestKind;
import dev.ecoscan.simulator.SimulatorConfig;
import dev.ecoscan.testkit.RecordingModelCalls;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The answer call streamed against the built-in simulator: the person-facing text arrives in pieces
 * before the answer is returned, and a repaired reply restarts it.
 */
class AnswerStreamingTest {

    private static final KnowledgeBase KNOWLEDGE = KnowledgeBase.embedded();
    private static final Taxonomy TAXONOMY = KNOWLEDGE.taxonomy();

    private final RecordingModelCalls calls = new RecordingModelCalls();
    private final List<AnswerDelta> deltas = new CopyOnWriteArrayList<>();
    private LlmSimulator simulator;

    @AfterEach
    void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void the_answer_text_arrives_in_pieces_that_join_to_the_answer_returned() {
        Answer answer = answered(adapters().answers().answer(request("뚜껑은 어떻게 버려요?")));

        assertThat(deltas).hasSizeGreaterThan(1).noneMatch(AnswerDelta::restart);
        assertThat(joined()).isEqualTo(answer.userAnswer());
        assertThat(simulator.stats().requests().answer()).isEqualTo(1);
    }

    @Test
    void a_repaired_reply_restarts_the_text_so_no_half_answer_of_the_unusable_reply_stays() {
        OpenAiAdapters adapters = adapters();
        simulator.faults().nextFor(RequestKind.ANSWER, Fault.MALFORMED_JSON);

        Answer answer = answered(adapters.answers().answer(request("뚜껑은 어떻게 버려요?")));

        assertThat(simulator.stats().requests().answer()).isEqualTo(2);
        assertThat(joined()).isEqualTo(answer.userAnswer());
    }

    @Test
    void without_anyone_reading_the_answer_is_not_streamed() {
        AnswerRequest unread = new AnswerRequest(
                ScanId.random(),
                bottle(),
                rule(),
                Optional.of("뚜껑은요?"),
                Instant.now().plusSeconds(30));

        answered(adapters().answers().answer(unread));

        assertThat(deltas).isEmpty();
    }

    /** The deltas as a client joins them: a restart drops the text before it. */
    private String joined() {
        StringBuilder text = new StringBuilder();
        for (AnswerDelta delta : deltas) {
            if (delta.restart()) {
                text.setLength(0);
            }
            text.append(delta.text());
        }
        return text.toString();
    }

    private static Answer answered(AnswerResult result) {
        assertThat(result).isInstanceOf(AnswerResult.Answered.class);
        return ((AnswerResult.Answered) result).answer();
    }

    private AnswerRequest request(String question) {
        return new AnswerRequest(
                ScanId.random(),
                bottle(),
                rule(),
                Optional.of(question),
                Instant.now().plusSeconds(30),
                deltas::add);
    }

    private static Classification bottle() {
        return ((Resolution.Resolved) TAXONOMY.resolve(CategoryLabels.of("재활용폐기물", "무색페트병", "먹는샘물 페트병", "비닐_라벨_부착")))
                .classification();
    }

    private static DisposalRule rule() {
        return KNOWLEDGE.rules().find(bottle()).orElseThrow();
    }

    private OpenAiAdapters adapters() {
        simulator = LlmSimulator.start(SimulatorConfig.instant().withPort(0));
        return OpenAiAdapters.create(
                SimulatorEndpoint.settings(simulator, 500, 2, false), TAXONOMY, calls, Clock.systemUTC());
    }
}
