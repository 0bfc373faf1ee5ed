package dev.ecoscan.adapter.openai;

import dev.ecoscan.domain.scan.FailureKind;
import dev.ecoscan.domain.scan.ScanId;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One step's exchange with its model: ask, read the reply as untrusted input, and when it is
 * unusable ask once more, showing the model its own reply and what was wrong with it. A second
 * unusable reply is a typed {@link FailureKind#INVALID_OUTPUT} failure.
 */
final class RepairingCall<T> {

    private final ProviderCaller caller;
    private final StepModel step;
    private final ResponseFormat format;
    private final ReplyReading.Reader<T> reader;

    RepairingCall(ProviderCaller caller, StepModel step, ResponseFormat format, ReplyReading.Reader<T> reader) {
        this.caller = caller;
        this.step = step;
        this.format = format;
        this.reader = reader;
    }

    /** The usable value, or the failure of the step. */
    sealed interface Result<T> {
        record Value<T>(T value) implements Result<T> {
        }

        record Failure<T>(FailureKind kind, String detail) implements Result<T> {
        }
    }

    Result<T> run(ScanId scanId, List<ChatMessage> prompt, Instant deadline) {
        List<ChatMessage> messages = new ArrayList<>(prompt);
        ProviderReply reply = caller.call(scanId, request(messages), deadline);
        if (reply instanceof ProviderReply.Failure failure) {
            return new Result.Failure<>(failure.kind(), failure.detail());
        }
        ProviderReply.Text first = (ProviderReply.Text) reply;
        ReplyReading<T> reading = reader.read(first.content(), first.truncated());
        if (reading instanceof ReplyReading.Unusable<T> unusable) {
            messages.add(AiMessage.from(first.content().isBlank() ? "(빈 응답)" : first.content()));
            messages.add(UserMessage.from(unusable.problem() + " 스키마에 맞는 JSON 하나로 다시 답하라."));
            ProviderReply repaired = caller.call(scanId, request(messages), deadline);
            if (repaired instanceof ProviderReply.Failure failure) {
                return new Result.Failure<>(failure.kind(), failure.detail());
            }
            ProviderReply.Text second = (ProviderReply.Text) repaired;
            reading = reader.read(second.content(), second.truncated());
        }
        return switch (reading) {
            case ReplyReading.Usable<T> usable -> new Result.Value<>(usable.value());
            case ReplyReading.Unusable<T> stillUnusable -> new Result.Failure<>(FailureKind.INVALID_OUTPUT,
                    "the " + caller.step().label() + " model's reply was unusable after one repair: "
                            + stillUnusable.problem());
        };
    }

    private ChatRequest request(List<ChatMessage> messages) {
        ChatRequest.Builder builder = ChatRequest.builder()
                .messages(List.copyOf(messages))
                .responseFormat(format)
                .maxOutputTokens(step.maxOutputTokens());
        step.temperature().ifPresent(builder::temperature);
        return builder.build();
    }
}
