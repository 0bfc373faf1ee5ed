package dev.ecoscan.adapter.openai;

import dev.ecoscan.adapter.openai.EndpointTrouble.DeadlineReached;
import dev.ecoscan.domain.port.ModelCall;
import dev.ecoscan.domain.port.ModelCallRecorder;
import dev.ecoscan.domain.port.ModelCallTracer;
import dev.ecoscan.domain.port.ModelCallTracer.TracedModelCall;
import dev.ecoscan.domain.scan.ScanId;
import dev.ecoscan.domain.scan.Step;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiTokenUsage;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One step's calls to one endpoint: every attempt goes through the endpoint's circuit breaker, 429
 * and 5xx are retried by the endpoint's Resilience4j {@link Retry} (honouring {@code Retry-After},
 * never past the scan's deadline: see {@link RetryPolicy#config}), every attempt's tokens and time
 * are reported and traced (its trace context sent with the request), and every error becomes a typed failure that says whether the chain may move on.
 */
final class EndpointCaller {

    private final CallSite site;
    private final Step step;
    private final ChatModel model;
    private final Optional<StreamedChat> streamed;
    private final RequestShape shape;
    private final Retry retry;
    private final CircuitBreaker breaker;
    private final ModelCallRecorder calls;
    private final ModelCallTracer tracer;
    private final RefusalLog refusals;
    private final Clock clock;

    EndpointCaller(
            CallSite site,
            Step step,
            ChatModel model,
            Optional<StreamedChat> streamed,
            RequestShape shape,
            Retry retry,
            CircuitBreaker breaker,
            ModelCallRecorder calls,
            ModelCallTracer tracer,
            RefusalLog refusals,
            Clock clock) {
        this.site = site;
        this.step = step;
        this.model = model;
        this.streamed = streamed;
        this.shape = shape;
        this.retry = retry;
        this.breaker = breaker;
        this.calls = calls;
        this.tracer = tracer;
        this.refusals = refusals;
        this.clock = clock;
    }

    CallSite site() {
        return site;
    }

    RequestShape shape() {
        return shape;
    }

    /** What a call came to: the model's text, or a failure that may send the step down the chain. */
    sealed interface Reply {
        /** {@code truncated} when the model stopped at the output-token cap. */
        record Text(String content, boolean truncated) implements Reply {}

        record Failure(EndpointTrouble trouble, String detail) implements Reply {}
    }

    /**
     * Calls the model; when {@code partial} is someone's and this endpoint streams, the reply is
     * streamed and each attempt's text goes to {@code partial} as it arrives.
     */
    Reply call(
            ScanId scanId,
            List<ChatMessage> messages,
            ResponseFormat format,
            Instant deadline,
            PartialReplies partial) {
        ChatRequest request = shape.request(messages, format);
        Function<ChatRequest, ChatResponse> exchange = streamed.filter(s -> partial != PartialReplies.NONE)
                .<Function<ChatRequest, ChatResponse>>map(s -> r -> s.chat(r, partial, deadline))
                .orElse(model::chat);
        Supplier<ChatResponse> attempt =
                CircuitBreaker.decorateSupplier(breaker, () -> attempt(scanId, request, deadline, exchange));
        try {
            ChatResponse response = CallContext.DEADLINE.during(deadline, () -> retry.executeSupplier(attempt));
            String text =
                    response.aiMessage() == null ? null : response.aiMessage().text();
            return new Reply.Text(text == null ? "" : text, response.finishReason() == FinishReason.LENGTH);
        } catch (RuntimeException e) {
            EndpointTrouble trouble = Thread.currentThread().isInterrupted()
                    ? EndpointTrouble.of(new DeadlineReached())
                    : EndpointTrouble.of(e);
            if (trouble.isRefusal()) {
                refusals.report(site, step.label(), shape.model(), trouble);
            }
            return new Reply.Failure(
                    trouble,
                    "the " + step.label() + " model " + shape.model() + " at the " + site.name() + " endpoint: "
                            + trouble.detail());
        }
    }

    private ChatResponse attempt(
            ScanId scanId, ChatRequest request, Instant deadline, Function<ChatRequest, ChatResponse> exchange) {
        if (!clock.instant().isBefore(deadline)) {
            throw new DeadlineReached();
        }
        TracedModelCall traced = tracer.start(scanId, step, site.provider(), shape.model());
        long start = System.nanoTime();
        try {
            ChatResponse response = CallContext.HEADERS.during(traced.headers(), () -> exchange.apply(request));
            traced.end(record(scanId, response.tokenUsage(), start, "ok"), Optional.ofNullable(response.modelName()));
            return response;
        } catch (RuntimeException e) {
            traced.end(record(scanId, null, start, EndpointTrouble.of(e).outcome()), Optional.empty());
            throw e;
        }
    }

    private ModelCall record(ScanId scanId, TokenUsage usage, long startNanos, String outcome) {
        Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
        int input = usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
        int output = usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
        Optional<Integer> cached = usage instanceof OpenAiTokenUsage openAi && openAi.inputTokensDetails() != null
                ? Optional.ofNullable(openAi.inputTokensDetails().cachedTokens())
                : Optional.empty();
        ModelCall call = new ModelCall(
                scanId, step, site.name(), site.provider(), shape.model(), input, output, cached, took, outcome);
        try {
            calls.record(call);
        } catch (RuntimeException ignored) {
            // Accounting must never break a scan.
        }
        return call;
    }
}
