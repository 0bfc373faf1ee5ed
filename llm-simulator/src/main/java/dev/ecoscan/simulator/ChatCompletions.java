package dev.ecoscan.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.CountDownLatch;
import java.util.random.RandomGenerator;

/**
 * {@code POST /v1/chat/completions}: parses the request, decides its fault, makes the content, waits
 * as long as a provider would, and answers whole or as server-sent events. Each request runs on its
 * own virtual thread, so waiting costs no platform thread.
 */
final class ChatCompletions {

    /** Larger than any image eco-scan sends; a bigger body is refused rather than buffered. */
    static final int MAX_BODY_BYTES = 32 * 1024 * 1024;

    private static final String ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private final SimulatorConfig config;
    private final FaultPlan plan;
    private final StatsCounters stats;
    private final ProviderPause pause;
    private final CompletionStream streams;
    private final ObjectMapper json;
    private final HttpReplies replies;
    private final Replies contents;
    private final LatencyModel latencies;
    private final PromptCache promptCache = new PromptCache();
    private final RequestRandoms randoms;

    ChatCompletions(
            SimulatorConfig config, FaultPlan plan, StatsCounters stats, CountDownLatch closing, ObjectMapper json) {
        this.config = config;
        this.plan = plan;
        this.stats = stats;
        this.pause = new ProviderPause(closing);
        this.json = json;
        this.replies = new HttpReplies(json);
        this.streams = new CompletionStream(replies, pause);
        this.contents = new Replies(config.knowledgeBase().taxonomy());
        this.latencies = new LatencyModel(config.speed());
        this.randoms = new RequestRandoms(config.seed());
    }

    /** Answers the exchange; returns without an answer (the caller drops the connection) when closing. */
    void handle(HttpExchange exchange) throws IOException {
        stats.started();
        try {
            ChatRequest request = parse(exchange);
            if (request == null) {
                return;
            }
            RequestKind kind = request.kind();
            stats.request(kind);
            RandomGenerator random = randoms.next();
            Fault fault = plan.take(kind).orElseGet(() -> config.faultRates().draw(random.nextDouble()));
            if ((fault == Fault.OUT_OF_TAXONOMY || fault == Fault.CONFUSE) && kind != RequestKind.VISION) {
                fault = Fault.NONE;
            }
            if (fault == Fault.NONE && kind == RequestKind.VISION && confused(request)) {
                fault = Fault.CONFUSE;
            }
            stats.outcome(fault);
            switch (fault) {
                case RATE_LIMIT -> rateLimited(exchange);
                case SERVER_ERROR ->
                    replies.error(
                            exchange,
                            500,
                            "The server had an error while processing your request. Sorry about that!",
                            "server_error",
                            null,
                            null);
                case HANG -> hang(exchange);
                case NONE, MALFORMED_JSON, OUT_OF_TAXONOMY, CONFUSE -> complete(exchange, request, fault, random);
            }
        } catch (InterruptedException e) {
            // The simulator is shutting down: leave without an answer.
            Thread.currentThread().interrupt();
        } finally {
            stats.finished();
        }
    }

    /** Whether the request's image is one of the share the configured rates confuse (decided by its bytes). */
    private boolean confused(ChatRequest request) {
        return config.faultRates().confuse() > 0
                && config.faultRates()
                        .confuses(SampleImage.of(request.lastImageUrl().orElse(""))
                                .stableHash());
    }

    /** The request, or null after answering 400 or 413. */
    private ChatRequest parse(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
        // Counted before the reply goes out, so a client that reads /stats next sees it.
        if (body.length > MAX_BODY_BYTES) {
            stats.otherRequest();
            replies.invalidRequest(
                    exchange, 413, "The request body is larger than " + MAX_BODY_BYTES + " bytes.", null);
            return null;
        }
        JsonNode tree;
        try {
            tree = json.readTree(body);
        } catch (JsonProcessingException e) {
            stats.otherRequest();
            replies.invalidRequest(
                    exchange,
                    400,
                    "We could not parse the JSON body of your request. "
                            + "(HINT: This likely means you aren't using your HTTP library correctly.)",
                    null);
            return null;
        }
        try {
            return ChatRequest.parse(tree);
        } catch (InvalidRequestException e) {
            stats.otherRequest();
            replies.invalidRequest(exchange, 400, e.getMessage(), e.param().orElse(null));
            return null;
        }
    }

    private void rateLimited(HttpExchange exchange) throws IOException {
        long seconds = (config.retryAfter().toMillis() + 999) / 1000;
        exchange.getResponseHeaders().set("Retry-After", Long.toString(seconds));
        exchange.getResponseHeaders()
                .set("retry-after-ms", Long.toString(config.retryAfter().toMillis()));
        exchange.getResponseHeaders().set("x-ratelimit-remaining-requests", "0");
        exchange.getResponseHeaders().set("x-ratelimit-reset-requests", seconds + "s");
        replies.error(
                exchange,
                429,
                "Rate limit reached for requests. Please try again in " + seconds + "s.",
                "requests",
                null,
                "rate_limit_exceeded");
    }

    /**
     * Holds the request without a byte of answer, so the client's read timeout must fire. A client
     * that waits longer gets the 504 a provider's gateway would send in the end.
     */
    private void hang(HttpExchange exchange) throws IOException, InterruptedException {
        if (pause.waitFor(config.hangDuration())) {
            replies.error(
                    exchange,
                    504,
                    "The model did not answer within " + config.hangDuration().toSeconds() + " s.",
                    "server_error",
                    null,
                    "timeout");
        }
    }

    private void complete(HttpExchange exchange, ChatRequest request, Fault fault, RandomGenerator random)
            throws IOException, InterruptedException {
        String content = contents.content(request, fault, random);
        String finishReason = "stop";
        int completionTokens = Tokens.of(content);
        if (request.maxTokens().isPresent()
                && completionTokens > request.maxTokens().getAsInt()) {
            // Like a real provider: the output stops mid-way, and cut JSON is not JSON.
            completionTokens = request.maxTokens().getAsInt();
            content = Tokens.cut(content, completionTokens);
            finishReason = "length";
        }
        int promptTokens = Tokens.prompt(request);
        Usage usage = new Usage(promptTokens, completionTokens, promptCache.cachedTokens(request.systemText()));
        stats.tokens(usage);
        LatencyModel.Latency latency = latencies.of(request.kind(), completionTokens, random);
        Completion completion = new Completion(
                id(random), Instant.now().getEpochSecond(), request.model(), content, finishReason, usage);
        exchange.getResponseHeaders()
                .set("x-request-id", "req_" + HexFormat.of().formatHex(randomBytes(random)));
        exchange.getResponseHeaders()
                .set("openai-processing-ms", Long.toString(latency.total().toMillis()));
        if (request.stream()) {
            streams.send(exchange, completion, latency, request.includeUsage());
        } else if (pause.waitFor(latency.total())) {
            replies.send(exchange, 200, completion.toJson(replies.object()));
        }
    }

    private static String id(RandomGenerator random) {
        StringBuilder id = new StringBuilder("chatcmpl-");
        for (int i = 0; i < 29; i++) {
            id.append(ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length())));
        }
        return id.toString();
    }

    private static byte[] randomBytes(RandomGenerator random) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return bytes;
    }
}
