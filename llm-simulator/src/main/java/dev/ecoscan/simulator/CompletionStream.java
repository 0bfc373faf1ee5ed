package dev.ecoscan.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A completion streamed as server-sent events, paced like a provider's generation. */
final class CompletionStream {

    /** About how many characters a streamed delta carries; real providers send a token or two. */
    private static final int DELTA_CHARS = 12;

    private static final int MAX_DELTAS = 48;

    private final HttpReplies replies;
    private final ProviderPause pause;

    CompletionStream(HttpReplies replies, ProviderPause pause) {
        this.replies = replies;
        this.pause = pause;
    }

    /**
     * Server-sent events as OpenAI sends them: a role chunk after the time to first token, content
     * deltas spread over the generation time, a finishing chunk, the usage chunk when asked, [DONE].
     */
    void send(HttpExchange exchange, Completion completion, LatencyModel.Latency latency, boolean includeUsage)
            throws IOException, InterruptedException {
        if (!pause.waitFor(latency.firstToken())) {
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            ObjectNode first = replies.object().put("role", "assistant").put("content", "");
            event(
                    out,
                    completion
                            .chunk(replies.object(), first, null, includeUsage)
                            .toString());
            List<String> deltas = deltas(completion.content());
            Duration gap = latency.generation().dividedBy(Math.max(1, deltas.size()));
            for (String delta : deltas) {
                if (!pause.waitFor(gap)) {
                    return;
                }
                ObjectNode node = replies.object().put("content", delta);
                event(
                        out,
                        completion
                                .chunk(replies.object(), node, null, includeUsage)
                                .toString());
            }
            event(
                    out,
                    completion
                            .chunk(replies.object(), replies.object(), completion.finishReason(), includeUsage)
                            .toString());
            if (includeUsage) {
                event(out, completion.usageChunk(replies.object()).toString());
            }
            event(out, "[DONE]");
        }
    }

    private static void event(OutputStream out, String data) throws IOException {
        out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** The content in pieces of about {@value #DELTA_CHARS} characters, never splitting a character. */
    static List<String> deltas(String content) {
        int codePoints = content.codePointCount(0, content.length());
        int size = Math.max(DELTA_CHARS, (codePoints + MAX_DELTAS - 1) / MAX_DELTAS);
        List<String> pieces = new ArrayList<>();
        int start = 0;
        while (start < content.length()) {
            int end =
                    content.offsetByCodePoints(start, Math.min(size, content.codePointCount(start, content.length())));
            pieces.add(content.substring(start, end));
            start = end;
        }
        return pieces;
    }
}
