package dev.ecoscan.adapter.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecoscan.domain.scan.ScanOutcome;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;

/** Writes JSON and problem+json responses, a scan's outcome among them. */
final class Responses {

    static final String JSON_TYPE = "application/json";
    static final String PROBLEM_TYPE = "application/problem+json";

    private Responses() {}

    static void json(ServerResponse response, int status, JsonNode body) {
        send(response, status, JSON_TYPE, body);
    }

    static void problem(ServerResponse response, Problem problem) {
        problem.retryAfterSeconds()
                .ifPresent(seconds -> response.header(HeaderNames.RETRY_AFTER, String.valueOf(seconds)));
        send(response, problem.code().status(), PROBLEM_TYPE, problemBody(problem));
    }

    /** A finished scan as /classify and a job's result answer it: the reference body, or its problem. */
    static void outcome(ServerResponse response, ScanOutcome outcome) {
        switch (outcome) {
            case ScanOutcome.Completed done -> json(response, 200, ScanBodies.completed(done));
            case ScanOutcome.Rejected rejected -> problem(response, OutcomeProblems.of(rejected));
            case ScanOutcome.Failed failed -> problem(response, OutcomeProblems.of(failed));
        }
    }

    /** A problem's RFC 9457 body, with the reference API's {@code task_id} and {@code message}. */
    static ObjectNode problemBody(Problem problem) {
        ObjectNode body = ScanBodies.JSON.createObjectNode();
        body.put("type", "/problems/" + problem.code().code());
        body.put("title", problem.code().title());
        body.put("status", problem.code().status());
        body.put("detail", problem.detail());
        body.put("code", problem.code().code());
        problem.taskId().ifPresentOrElse(id -> body.put("task_id", id), () -> body.putNull("task_id"));
        // The reference API's clients read `message`; it says the same as `detail`.
        body.put("message", problem.detail());
        return body;
    }

    static void text(ServerResponse response, int status, String contentType, String body) {
        response.status(Status.create(status));
        response.header(HeaderNames.CONTENT_TYPE, contentType);
        response.send(body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(ServerResponse response, int status, String contentType, JsonNode body) {
        byte[] bytes;
        try {
            bytes = ScanBodies.JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain nodes always serialises", e);
        }
        response.status(Status.create(status));
        response.header(HeaderNames.CONTENT_TYPE, contentType);
        response.header(HeaderNames.CACHE_CONTROL, "no-store");
        response.send(bytes);
    }
}
