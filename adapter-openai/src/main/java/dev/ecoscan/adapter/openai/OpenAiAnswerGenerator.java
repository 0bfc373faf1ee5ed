package dev.ecoscan.adapter.openai;

import dev.ecoscan.domain.answer.Answer;
import dev.ecoscan.domain.port.AnswerGenerator;
import dev.ecoscan.domain.port.AnswerRequest;
import dev.ecoscan.domain.port.AnswerResult;
import dev.ecoscan.domain.port.AnswerStream;
import dev.ecoscan.domain.rule.Advice;
import dev.ecoscan.domain.rule.DisposalRule;
import dev.ecoscan.domain.scan.FailureKind;
import dev.ecoscan.domain.taxonomy.Classification;
import dev.ecoscan.domain.taxonomy.SituationTag;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The answer step on an OpenAI-compatible chat model. The prompt holds only what the answer may be
 * grounded in (the matched rule, the classification, its situation tags, the question), and the
 * output is capped, because output tokens are most of this step's time and cost.
 */
public final class OpenAiAnswerGenerator implements AnswerGenerator {

    private final String model;
    private final RepairingCall<Answer> call;
    private final String systemPrompt;
    private final PromptTemplate userTemplate;
    private final String promptVersion;
    private final ResultCache<AnswerKey, AnswerResult> cache;

    OpenAiAnswerGenerator(StepChain chain, ResultCache<AnswerKey, AnswerResult> cache) {
        this.model = chain.models();
        this.call = new RepairingCall<>(chain, "answer", AnswerSchema.FORMAT, new AnswerReplyReader());
        this.systemPrompt = PromptTemplate.load("answer-system.txt").render(Map.of());
        this.userTemplate = PromptTemplate.load("answer-user.txt");
        this.promptVersion = Hashes.sha256(
                systemPrompt + "\u0000" + userTemplate.render(placeholders()) + "\u0000" + AnswerSchema.FORMAT);
        this.cache = cache;
    }

    /** Same rule, item, situation and question on the same model and prompt: same answer. */
    record AnswerKey(
            String ruleKey, String itemId, List<String> tagIds, String question, String model, String promptVersion) {}

    @Override
    public AnswerResult answer(AnswerRequest request) {
        Classification c = request.classification();
        AnswerKey key = new AnswerKey(
                request.rule().key().value(),
                c.item().map(item -> item.id().value()).orElse(""),
                c.situation().stream().map(SituationTag::id).sorted().toList(),
                request.question().orElse(""),
                model,
                promptVersion);
        return cache.get(() -> key, () -> generate(request), result -> result instanceof AnswerResult.Answered)
                .orElseGet(() -> new AnswerResult.Failure(
                        FailureKind.DEADLINE_EXCEEDED,
                        "the scan's deadline passed while an identical answer was being written"));
    }

    private AnswerResult generate(AnswerRequest request) {
        // Streamed only when someone reads the answer as it is written (an asynchronous job's events).
        PartialReplies partial = request.stream() == AnswerStream.NONE
                ? PartialReplies.NONE
                : new AnswerTextStream(request.scanId(), request.stream());
        return switch (call.run(
                request.scanId(),
                List.of(SystemMessage.from(systemPrompt), UserMessage.from(userPrompt(request))),
                request.deadline(),
                partial)) {
            case RepairingCall.Result.Value<Answer> value -> new AnswerResult.Answered(value.value());
            case RepairingCall.Result.Failure<Answer> failure ->
                new AnswerResult.Failure(failure.kind(), failure.detail());
        };
    }

    private String userPrompt(AnswerRequest request) {
        Classification c = request.classification();
        DisposalRule rule = request.rule();
        // The steps for this item and situation, already ordered by the rule: never re-assembled here.
        Advice advice = rule.adviceFor(c.item(), c.situation());
        List<String> steps = new ArrayList<>(advice.steps());
        advice.regionalNotice().ifPresent(steps::add);
        return userTemplate.render(Map.of(
                "item",
                        c.item()
                                .map(item -> item.name())
                                .orElse("정확한 품목은 알아보지 못함 (분류의 공통 규칙으로 안내하고," + " 품목을 정확히 알아보지 못했다고 한 문장으로 알린다)"),
                "path", c.path().display(),
                "situation",
                        c.situation().isEmpty()
                                ? "특이 사항 없음"
                                : c.situation().stream()
                                        .map(SituationTag::label)
                                        .collect(Collectors.joining(", ")),
                "actions",
                        c.situation().stream()
                                .filter(SituationTag::needsAction)
                                .map(tag -> "· [조치 필요] " + tag.advice().orElseThrow())
                                .collect(Collectors.joining("\n")),
                "rule_key", rule.key().value(),
                "summary", advice.summary() + " (배출처: " + advice.destination() + ")",
                "steps", steps.stream().map(s -> "- " + s).collect(Collectors.joining("\n")),
                "not_accepted",
                        rule.notAccepted().isEmpty()
                                ? "· 없음"
                                : rule.notAccepted().stream().map(s -> "· " + s).collect(Collectors.joining("\n")),
                // The question is fenced as data between <question> markers. A marker written inside it (any
                // case or spacing, ASCII or look-alike brackets) becomes [question] or [/question], so the
                // question can neither close the fence early nor open a second one.
                "question",
                        request.question()
                                .map(question -> question.replaceAll(
                                        "(?i)[<＜‹〈]\\s*(/?)\\s*question\\s*[>＞›〉]?", "[$1question]"))
                                .orElse("(질문 없음)")));
    }

    /** The template with every placeholder empty: its fixed text, for the prompt version. */
    private static Map<String, String> placeholders() {
        return Map.of(
                "item",
                "",
                "path",
                "",
                "situation",
                "",
                "actions",
                "",
                "rule_key",
                "",
                "summary",
                "",
                "steps",
                "",
                "not_accepted",
                "",
                "question",
                "");
    }
}
