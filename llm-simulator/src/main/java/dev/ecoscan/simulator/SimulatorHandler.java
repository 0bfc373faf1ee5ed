package dev.ecoscan.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Routes every path: the chat completions endpoint, {@code /stats}, {@code /stats/reset} and {@code /health}. */
final class SimulatorHandler implements HttpHandler {

    static final String CHAT_COMPLETIONS = "/v1/chat/completions";
    static final String STATS = "/stats";
    static final String STATS_RESET = "/stats/reset";
    static final String HEALTH = "/health";

    private static final Logger LOG = LoggerFactory.getLogger(SimulatorHandler.class);

    private final ChatCompletions chat;
    private final StatsCounters stats;
    private final HttpReplies replies;

    SimulatorHandler(ChatCompletions chat, StatsCounters stats, HttpReplies replies) {
        this.chat = chat;
        this.stats = stats;
        this.replies = replies;
    }

    /**
     * Closing the exchange without having answered drops the connection: that is how a hang or a
     * request cut short by shutdown ends.
     */
    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            switch (path) {
                case CHAT_COMPLETIONS -> {
                    if (allowed(exchange, method, "POST")) {
                        chat.handle(exchange);
                    }
                }
                case STATS -> {
                    if (allowed(exchange, method, "GET")) {
                        replies.send(exchange, 200, statsJson(stats.snapshot()));
                    }
                }
                case STATS_RESET -> {
                    if (allowed(exchange, method, "POST")) {
                        stats.reset();
                        replies.send(exchange, 200, statsJson(stats.snapshot()));
                    }
                }
                case HEALTH -> {
                    if (allowed(exchange, method, "GET")) {
                        replies.send(exchange, 200, replies.object().put("status", "ok"));
                    }
                }
                default -> {
                    stats.otherRequest();
                    replies.invalidRequest(exchange, 404, "Invalid URL (" + method + " " + path + ")", null);
                }
            }
        } catch (IOException e) {
            // The client went away while we were writing: nothing is left to answer.
        } catch (RuntimeException e) {
            // A bug: the JDK server would log it only at TRACE level, so say it here, and still answer.
            LOG.error("llm-simulator failed on {}", exchange.getRequestURI(), e);
            if (exchange.getResponseCode() == -1) {
                replies.error(exchange, 500, "llm-simulator failed: " + e, "server_error", null, null);
            }
        }
    }

    private boolean allowed(HttpExchange exchange, String method, String expected) throws IOException {
        if (method.equals(expected)) {
            return true;
        }
        stats.otherRequest();
        exchange.getResponseHeaders().set("Allow", expected);
        replies.invalidRequest(
                exchange,
                405,
                "Method " + method + " is not allowed on "
                        + exchange.getRequestURI().getPath() + "; use " + expected + ".",
                null);
        return false;
    }

    private ObjectNode statsJson(SimulatorStats snapshot) {
        ObjectNode body = replies.object();
        ObjectNode requests = body.putObject("requests");
        for (RequestKind kind : RequestKind.values()) {
            requests.put(kind.statsName(), snapshot.requests().of(kind));
        }
        requests.put("other", snapshot.requests().other());
        ObjectNode outcomes = body.putObject("outcomes");
        for (Fault fault : Fault.values()) {
            outcomes.put(fault.outcomeName(), snapshot.outcomes().of(fault));
        }
        body.putObject("tokens")
                .put("prompt", snapshot.tokens().prompt())
                .put("completion", snapshot.tokens().completion())
                .put("cached", snapshot.tokens().cached());
        body.put("in_flight", snapshot.inFlight());
        body.put("max_in_flight", snapshot.maxInFlight());
        return body;
    }
}
