package dev.ecoscan.adapter.openai;

import dev.ecoscan.adapter.openai.RetryAfterHttpClient.ProviderTimeoutException;
import dev.ecoscan.adapter.openai.RetryAfterHttpClient.ProviderUnreachableException;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One streamed chat call, waited for like a plain one: its pieces go to {@link PartialReplies} as
 * they arrive, and the whole reply is returned, bounded by the read timeout and the scan's deadline
 * (the stream is cancelled at either). Errors are the ones a plain call throws, so the endpoint's
 * retry, circuit breaker and chain treat both kinds of call alike.
 */
final class StreamedChat {

    private final StreamingChatModel model;
    private final Duration readTimeout;
    private final Clock clock;

    StreamedChat(StreamingChatModel model, Duration readTimeout, Clock clock) {
        this.model = model;
        this.readTimeout = readTimeout;
        this.clock = clock;
    }

    ChatResponse chat(ChatRequest request, PartialReplies partial, Instant deadline) {
        Duration remaining = Duration.between(clock.instant(), deadline);
        boolean boundByDeadline = remaining.compareTo(readTimeout) < 0;
        Duration timeout = boundByDeadline ? remaining : readTimeout;
        CompletableFuture<ChatResponse> reply = new CompletableFuture<>();
        AtomicReference<StreamingHandle> handle = new AtomicReference<>();
        partial.startReply();
        model.chat(request, new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(PartialResponse response, PartialResponseContext context) {
                handle.set(context.streamingHandle());
                // A reply given up on (timed out) sends nothing more.
                if (!reply.isDone()) {
                    partial.text(response.text());
                }
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                reply.complete(response);
            }

            @Override
            public void onError(Throwable error) {
                reply.completeExceptionally(error);
            }
        });
        try {
            return reply.get(Math.max(1, timeout.toNanos()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw abandon(
                    reply,
                    handle,
                    new ProviderTimeoutException(
                            boundByDeadline
                                    ? "no reply before the scan's deadline"
                                    : "no reply within the read timeout of " + readTimeout.toMillis() + " ms",
                            boundByDeadline,
                            e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw abandon(reply, handle, new ProviderTimeoutException("interrupted at the scan's deadline", true, e));
        } catch (ExecutionException e) {
            throw asPlainCallError(e.getCause());
        }
    }

    private static RuntimeException abandon(
            CompletableFuture<ChatResponse> reply, AtomicReference<StreamingHandle> handle, RuntimeException why) {
        reply.completeExceptionally(why);
        StreamingHandle stream = handle.get();
        if (stream != null) {
            stream.cancel();
        }
        return why;
    }

    /** A stream that failed to connect is an unreachable endpoint, as for a plain call. */
    private static RuntimeException asPlainCallError(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof IOException io) {
                return new ProviderUnreachableException(io.getMessage() == null ? io.toString() : io.getMessage(), io);
            }
        }
        return cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
    }
}
