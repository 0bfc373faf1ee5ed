package dev.ecoscan.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;

/** Writes JSON bodies and OpenAI-style errors: {"error":{"message","type","param","code"}}. */
final class HttpReplies {

    private final ObjectMapper json;

    HttpReplies(ObjectMapper json) {
        this.json = json;
    }

    ObjectNode object() {
        return json.createObjectNode();
    }

    void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    void error(HttpExchange exchange, int status, String message, String type, String param, String code)
            throws IOException {
        ObjectNode body = object();
        ObjectNode error = body.putObject("error");
        error.put("message", message);
        error.put("type", type);
        error.put("param", param);
        error.put("code", code);
        send(exchange, status, body);
    }

    void invalidRequest(HttpExchange exchange, int status, String message, String param) throws IOException {
        error(exchange, status, message, "invalid_request_error", param, null);
    }
}
