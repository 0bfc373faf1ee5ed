package dev.ecoscan.adapter.openai;

import dev.ecoscan.domain.scan.FailureKind;
import dev.ecoscan.domain.scan.ScanId;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.chat.request.ResponseFormat;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One step's endpoints in order: the primary first, then each fallback. A step moves down the chain
 * when an endpoint cannot serve it (no connection, a timeout, 5xx or 429 past its retries, an open
 * circuit, a key or model it does not know), never when the provider refused the request itself or
 * the scan's deadline has passed.
 */
final class StepChain {

    private final List<EndpointCaller> endpoints;

    StepChain(List<EndpointCaller> endpoints) {
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("a step needs at least one endpoint");
        }
        this.endpoints = List.copyOf(endpoints);
    }

    /** The model's text and which endpoint (by position) wrote it, or why no endpoint could. */
    sealed interface Served {
        record Text(String content, boolean truncated, int endpoint) implements Served {}

        record Failure(FailureKind kind, String detail) implements Served {}
    }

    /** Tries the endpoints from position {@code from} on (a repair goes back to the one that answered). */
    Served call(
            ScanId scanId,
            List<ChatMessage> messages,
            ResponseFormat format,
            Instant deadline,
            int from,
            PartialReplies partial) {
        StringBuilder tried = new StringBuilder();
        EndpointCaller.Reply.Failure last = null;
        for (int i = from; i < endpoints.size(); i++) {
            EndpointCaller.Reply reply = endpoints.get(i).call(scanId, messages, format, deadline, partial);
            if (reply instanceof EndpointCaller.Reply.Text text) {
                return new Served.Text(text.content(), text.truncated(), i);
            }
            last = (EndpointCaller.Reply.Failure) reply;
            tried.append(tried.isEmpty() ? "" : "; then ").append(last.detail());
            if (!last.trouble().movesOn()) {
                break;
            }
        }
        return new Served.Failure(last.trouble().kind(), tried.toString());
    }

    /** What identifies the models behind this step, for cache keys. */
    String models() {
        return endpoints.stream()
                .map(e -> e.site().name() + "=" + e.shape().model())
                .collect(Collectors.joining(","));
    }

    List<EndpointCaller> endpoints() {
        return endpoints;
    }
}
