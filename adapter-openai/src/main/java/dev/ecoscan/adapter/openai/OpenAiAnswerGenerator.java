package dev.ecoscan.adapter.openai;

import dev.ecoscan.domain.port.AnswerGenerator;
import dev.ecoscan.domain.port.AnswerRequest;
import dev.ecoscan.domain.port.AnswerResult;
import dev.ecoscan.domain.rule.DisposalRule;
import dev.ecoscan.domain.scan.FailureKind;
import dev.ecoscan.domain.taxonomy.Classification;
import dev.ecoscan.domain.taxonomy.SituationTag;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
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

    private final ProviderCaller caller;
    private final StepModel step;
    private final AnswerReplyReader reader = new AnswerReplyReader();
    private final String systemPrompt;
    private final PromptTemplate userTemplate;
    private final String promptVersion;
    private final ResultCache<AnswerKey, AnswerResult> cache;

    OpenAiAnswerGenerator(ProviderCaller caller, StepModel step, ResultCache<AnswerKey, AnswerResult> cache) {
        this.caller = caller;
        this.step = step;
        this.systemPrompt = PromptTemplate.load("answer-system.txt").render(Map.of());
        this.userTemplate = PromptTemplate.load("answer-user.txt");
        this.promptVersion = Hashes.sha256(systemPrompt + "\u0000" + userTemplate.render(placeholders())
                + "\u0000" + AnswerSchema.FORMAT);
        this.cache = cache;
    }

    /** Same rule, item, situation and question on the same model and prompt: same answer. */
    record AnswerKey(String ruleKey, String itemId, List<String> tagIds, String question, String model,
                     String promptVersion) {
    }

    @Override
    public AnswerResult answer(AnswerRequest request) {
        Classification c = request.classification();
        AnswerKey key = new AnswerKey(request.rule().key().value(), c.item().id().value(),
                c.situation().stream().map(SituationTag::id).sorted().toList(), request.question().orElse(""),
                caller.modelName(), promptVersion);
        return cache.get(key, () -> generate(request), result -> result instanceof AnswerResult.Answered)
                .orElseGet(() -> new AnswerResult.Failure(FailureKind.DEADLINE_EXCEEDED,
                        "the scan's deadline passed while an identical answer was being written"));
    }

    private AnswerResult generate(AnswerRequest request) {
        List<ChatMessage> messages = new ArrayList<>(List.of(SystemMessage.from(systemPrompt),
                UserMessage.from(userPrompt(request))));
        ProviderReply reply = caller.call(request.scanId(), chat(messages), request.deadline());
        if (reply instanceof ProviderReply.Failure failure) {
            return new AnswerResult.Failure(failure.kind(), failure.detail());
        }
        ProviderReply.Text text = (ProviderReply.Text) reply;
        AnswerReplyReader.Reading reading = reader.read(text.content(), text.truncated());
        if (reading instanceof AnswerReplyReader.Reading.Invalid invalid) {
            messages.add(AiMessage.from(text.content().isBlank() ? "(빈 응답)" : text.content()));
            messages.add(UserMessage.from(invalid.problem() + " 스키마에 맞는 JSON 하나로 다시 답하라."));
            ProviderReply repaired = caller.call(request.scanId(), chat(messages), request.deadline());
            if (repaired instanceof ProviderReply.Failure failure) {
                return new AnswerResult.Failure(failure.kind(), failure.detail());
            }
            ProviderReply.Text second = (ProviderReply.Text) repaired;
            reading = reader.read(second.content(), second.truncated());
        }
        return switch (reading) {
            case AnswerReplyReader.Reading.Valid valid -> new AnswerResult.Answered(valid.answer());
            case AnswerReplyReader.Reading.Invalid stillInvalid -> new AnswerResult.Failure(FailureKind.INVALID_OUTPUT,
                    "the answer model's reply was unusable after one repair: " + stillInvalid.problem());
        };
    }

    private String userPrompt(AnswerRequest request) {
        Classification c = request.classification();
        DisposalRule rule = request.rule();
        List<String> steps = new ArrayList<>(rule.commonSteps());
        steps.addAll(rule.itemStepsFor(c.item()));
        return userTemplate.render(Map.of(
                "item", c.item().name(),
                "path", c.path().display(),
                "situation", c.situation().isEmpty() ? "특이 사항 없음"
                        : c.situation().stream().map(SituationTag::label).collect(Collectors.joining(", ")),
                "actions", c.situation().stream().filter(SituationTag::needsAction)
                        .map(tag -> "· [조치 필요] " + tag.advice().orElseThrow()).collect(Collectors.joining("\n")),
                "rule_key", rule.key().value(),
                "summary", rule.summary(),
                "steps", steps.stream().map(s -> "- " + s).collect(Collectors.joining("\n")),
                "not_accepted", rule.notAccepted().isEmpty() ? "· 없음"
                        : rule.notAccepted().stream().map(s -> "· " + s).collect(Collectors.joining("\n")),
                "question", request.question().orElse("(없음)")));
    }

    private ChatRequest chat(List<ChatMessage> messages) {
        ChatRequest.Builder builder = ChatRequest.builder()
                .messages(List.copyOf(messages))
                .responseFormat(AnswerSchema.FORMAT)
                .maxOutputTokens(step.maxOutputTokens());
        step.temperature().ifPresent(builder::temperature);
        return builder.build();
    }

    private static Map<String, String> placeholders() {
        return Map.of("item", "", "path", "", "situation", "", "actions", "", "rule_key", "", "summary", "",
                "steps", "", "not_accepted", "", "question", "");
    }
}
