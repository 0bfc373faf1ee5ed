package dev.ecoscan.adapter.openai;

import dev.ecoscan.domain.scan.FailureKind;
import dev.ecoscan.domain.scan.ScanId;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ResponseFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One step's exchange with its models: ask down the chain, read the reply as untrusted input, and
 * when it is unusable ask the endpoint that wrote it once more, showing the model its own reply and
 * what was wrong with it. A second unusable reply is a typed {@link FailureKind#INVALID_OUTPUT} failure.
 */
final class RepairingCall<T> {

    private final StepChain chain;
    private final String stepLabel;
    private final ResponseFormat format;
    private final ReplyReading.Reader<T> reader;

    RepairingCall(StepChain chain, String stepLabel, ResponseFormat format, ReplyReading.Reader<T> reader) {
        this.chain = chain;
        this.stepLabel = stepLabel;
        this.format = format;
        this.reader = reader;
    }

    /** The usable value, or the failure of the step. */
    sealed interface Result<T> {
        record Value<T>(T value) implements Result<T> {}

        record Failure<T>(FailureKind kind, String detail) implements Result<T> {}
    }

    Result<T> run(ScanId scanId, List<ChatMessage> prompt, Instant deadline) {
        return run(scanId, prompt, deadline, PartialReplies.NONE);
    }

    /** As {@link #run(ScanId, List, Instant)}, each reply's text going to {@code partial} as it is written. */
    Result<T> run(ScanId scanId, List<ChatMessage> prompt, Instant deadline, PartialReplies partial) {
        List<ChatMessage> messages = new ArrayList<>(prompt);
        StepChain.Served reply = chain.call(scanId, messages, format, deadline, 0, partial);
        if (reply instanceof StepChain.Served.Failure failure) {
            return new Result.Failure<>(failure.kind(), failure.detail());
        }
        StepChain.Served.Text first = (StepChain.Served.Text) reply;
        ReplyReading<T> reading = reader.read(first.content(), first.truncated());
        if (reading instanceof ReplyReading.Unusable<T> unusable) {
            messages.add(AiMessage.from(first.content().isBlank() ? "(빈 응답)" : first.content()));
            messages.add(UserMessage.from(unusable.problem() + " 스키마에 맞는 JSON 하나로 다시 답하라."));
            StepChain.Served repaired = chain.call(scanId, messages, format, deadline, first.endpoint(), partial);
            if (repaired instanceof StepChain.Served.Failure failure) {
                return new Result.Failure<>(failure.kind(), failure.detail());
            }
            StepChain.Served.Text second = (StepChain.Served.Text) repaired;
            reading = reader.read(second.content(), second.truncated());
        }
        return switch (reading) {
            case ReplyReading.Usable<T> usable -> new Result.Value<>(usable.value());
            case ReplyReading.Unusable<T> stillUnusable ->
                new Result.Failure<>(
                        FailureKind.INVALID_OUTPUT,
                        "the " + stepLabel + " model's reply was unusable after one repair: "
                                + stillUnusable.problem());
        };
    }
}
