package dev.ecoscan.adapter.openai;

import dev.ecoscan.adapter.openai.RetryAfterHttpClient.ProviderTimeoutException;
import dev.ecoscan.adapter.openai.RetryAfterHttpClient.ProviderUnreachableException;
import dev.ecoscan.domain.port.ModelCall;
import dev.ecoscan.domain.port.ModelCallRecorder;
import dev.ecoscan.domain.scan.FailureKind;
import dev.ecoscan.domain.scan.ScanId;
import dev.ecoscan.domain.scan.Step;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiTokenUsage;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sends one chat request to a step's model: retries 429 and 5xx replies, waiting as long as the
 * provider's {@code Retry-After} says (or an exponential backoff), but never past the scan's
 * deadline; reports every attempt's tokens and time; turns every error into a typed failure.
 * LangChain4j's own retries are off, because they ignore {@code Retry-After}.
 */
final class ProviderCaller {

    private final ChatModel model;
    private final String modelName;
    private final Step step;
    private final RetryPolicy retries;
    private final ModelCallRecorder calls;
    private final Clock clock;

    ProviderCaller(ChatModel model, String modelName, Step step, RetryPolicy retries, ModelCallRecorder calls,
                   Clock clock) {
        this.model = model;
        this.modelName = modelName;
        this.step = step;
        this.retries = retries;
        this.calls = calls;
        this.clock = clock;
    }

    String modelName() {
        return modelName;
    }

    Step step() {
        return step;
    }

    ProviderReply call(ScanId scanId, ChatRequest request, Instant deadline) {
        for (int attempt = 0; ; attempt++) {
            if (!clock.instant().isBefore(deadline)) {
                return new ProviderReply.Failure(FailureKind.DEADLINE_EXCEEDED,
                        "the scan's deadline passed before the " + step.label() + " model could answer");
            }
            long start = System.nanoTime();
            try {
                ChatResponse response = CallDeadline.during(deadline, () -> model.chat(request));
                record(scanId, response.tokenUsage(), start, "ok");
                String text = response.aiMessage() == null ? null : response.aiMessage().text();
                return new ProviderReply.Text(text == null ? "" : text, response.finishReason() == FinishReason.LENGTH);
            } catch (RuntimeException e) {
                Trouble trouble = Trouble.of(e);
                record(scanId, null, start, trouble.outcome());
                if (Thread.currentThread().isInterrupted()) {
                    return new ProviderReply.Failure(FailureKind.DEADLINE_EXCEEDED,
                            "the " + step.label() + " call was cut off at the scan's deadline");
                }
                if (!trouble.retryable() || attempt >= retries.maxRetries()) {
                    return new ProviderReply.Failure(trouble.kind(), trouble.detail()
                            + (attempt > 0 ? " (after " + attempt + " retries)" : ""));
                }
                Duration wait = trouble.retryAfter().orElse(retries.backoff(attempt + 1));
                if (trouble.retryAfter().isEmpty()) {
                    // Jitter spreads the retries of many scans hit by the same overload.
                    wait = wait.plusMillis(ThreadLocalRandom.current().nextLong(Math.max(1, wait.toMillis() / 4)));
                }
                if (clock.instant().plus(wait).isAfter(deadline)) {
                    return new ProviderReply.Failure(trouble.kind(), trouble.detail() + "; waiting "
                            + wait.toMillis() + " ms to retry would pass the scan's deadline");
                }
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return new ProviderReply.Failure(FailureKind.DEADLINE_EXCEEDED,
                            "the scan's deadline passed while waiting to retry the " + step.label() + " call");
                }
            }
        }
    }

    private void record(ScanId scanId, TokenUsage usage, long startNanos, String outcome) {
        Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
        int input = usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
        int output = usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
        Optional<Integer> cached = usage instanceof OpenAiTokenUsage openAi && openAi.inputTokensDetails() != null
                ? Optional.ofNullable(openAi.inputTokensDetails().cachedTokens())
                : Optional.empty();
        try {
            calls.record(new ModelCall(scanId, step, modelName, input, output, cached, took, outcome));
        } catch (RuntimeException ignored) {
            // Accounting must never break a scan.
        }
    }

    /** An error from a call, read once: what kind it is and whether a retry may help. */
    private record Trouble(FailureKind kind, String outcome, boolean retryable, Optional<Duration> retryAfter,
                           String detail) {

        static Trouble of(RuntimeException error) {
            for (Throwable t = error; t != null; t = t.getCause()) {
                if (t instanceof ProviderTimeoutException timeout) {
                    return new Trouble(timeout.atDeadline() ? FailureKind.DEADLINE_EXCEEDED : FailureKind.UPSTREAM_TIMEOUT,
                            "timeout", false, Optional.empty(), "the model did not answer in time: " + timeout.getMessage());
                }
                if (t instanceof ProviderUnreachableException unreachable) {
                    return new Trouble(FailureKind.UPSTREAM_UNAVAILABLE, "unreachable", true, Optional.empty(),
                            "the model provider cannot be reached: " + unreachable.getMessage());
                }
                if (t instanceof HttpException http) {
                    Optional<Duration> after = t instanceof ProviderHttpException p ? p.retryAfter() : Optional.empty();
                    int status = http.statusCode();
                    if (status == 429) {
                        return new Trouble(FailureKind.UPSTREAM_UNAVAILABLE, "rate_limited", true, after,
                                "the model provider is rate limiting (429)");
                    }
                    if (status >= 500) {
                        return new Trouble(FailureKind.UPSTREAM_UNAVAILABLE, "server_error", true, after,
                                "the model provider failed (" + status + ")");
                    }
                    return new Trouble(FailureKind.UPSTREAM_UNAVAILABLE, "refused", false, Optional.empty(),
                            "the model provider refused the request (" + status + "): " + abbreviate(http.getMessage()));
                }
            }
            return new Trouble(FailureKind.UPSTREAM_UNAVAILABLE, "error", false, Optional.empty(),
                    "the model call failed: " + abbreviate(String.valueOf(error.getMessage())));
        }

        private static String abbreviate(String text) {
            return text == null ? "" : text.length() <= 300 ? text : text.substring(0, 300) + "…";
        }
    }
}
