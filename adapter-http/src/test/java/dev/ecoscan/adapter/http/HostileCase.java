package dev.ecoscan.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.DynamicTest;

/**
 * One hostile request and the answer it must get: a 4xx problem+json with the given code (a
 * regular expression when more than one answer is right), or for a slow client, 408 or a closed
 * connection. It must come within {@code timeout}.
 */
record HostileCase(String name, int status, String codes, Duration timeout, Supplier<Reply> send) {

    static final Duration FAST = Duration.ofSeconds(5);

    /** What came back, from the JDK client or a raw socket. */
    record Reply(int status, String contentType, String body, boolean closed, String described) {

        static Reply of(HttpResponse<String> response) {
            return new Reply(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body(),
                    false,
                    response.statusCode() + " " + response.body());
        }

        static Reply of(RawHttp.Answer answer) {
            String type = answer.isProblem() ? Responses.PROBLEM_TYPE : "";
            return new Reply(answer.status(), type, answer.body(), answer.closed(), answer.toString());
        }
    }

    static HostileCase problem(String name, int status, String codes, Supplier<Reply> send) {
        return new HostileCase(name, status, codes, FAST, send);
    }

    /** A slow client: 408 problem+json or a closed connection, within {@code timeout}. */
    static HostileCase slow(String name, Duration timeout, Supplier<Reply> send) {
        return new HostileCase(name, 408, "request_timeout", timeout, send);
    }

    DynamicTest test() {
        return DynamicTest.dynamicTest(
                printable(name) + " → " + status + " " + codes,
                () -> assertTimeoutPreemptively(timeout, () -> check(send.get())));
    }

    private void check(Reply reply) {
        if (status == 408 && reply.closed()) {
            return;
        }
        assertThat(reply.closed()).as("closed without an answer").isFalse();
        assertThat(reply.status()).as(reply.described()).isEqualTo(status);
        assertThat(reply.contentType()).as(reply.described()).startsWith(Responses.PROBLEM_TYPE);
        JsonNode problem;
        try {
            problem = ApiFixture.JSON.readTree(reply.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + reply.body(), e);
        }
        assertThat(problem.path("code").asText()).as(reply.described()).matches(codes);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.has("task_id")).isTrue();
    }

    /** A display name without control characters, which IDEs and reports show badly. */
    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(120).forEach(c -> {
            if (Character.isISOControl(c)
                    || Character.getType(c) == Character.FORMAT
                    || Character.isSurrogate((char) c)) {
                out.append(String.format("\\u%04X", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return text.length() > 120 ? out + "…" : out.toString();
    }
}
