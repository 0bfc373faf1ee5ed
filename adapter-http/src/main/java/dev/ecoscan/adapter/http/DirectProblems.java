package dev.ecoscan.adapter.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.DirectHandlers;
import java.util.Optional;

/**
 * Helidon's own answers, to requests it refuses before any route sees them (a malformed request
 * line or header, headers or a line too long, a body past its backstop), as problem+json like every
 * other answer. Helidon's message is not passed on: it may quote what the client sent. A status
 * with no problem code of its own (a handler's {@code HttpException} of 410, say) keeps Helidon's
 * answer, so that its status is not changed.
 */
final class DirectProblems {

    private static final DirectHandler HELIDON = DirectHandler.defaultHandler();

    private DirectProblems() {}

    static DirectHandlers handlers(int maxBodyBytes) {
        DirectHandler handler = (request, event, status, headers, message) -> problem(status, maxBodyBytes)
                .map(DirectProblems::answer)
                .orElseGet(() -> HELIDON.handle(request, event, status, headers, message));
        DirectHandlers.Builder builder = DirectHandlers.builder();
        for (DirectHandler.EventType event : DirectHandler.EventType.values()) {
            builder.addHandler(event, handler);
        }
        return builder.build();
    }

    private static Optional<Problem> problem(Status status, int maxBodyBytes) {
        return Optional.ofNullable(
                switch (status.code()) {
                    case 400 ->
                        Problem.of(
                                ProblemCode.INVALID_REQUEST,
                                "the request line or a header is malformed, or the" + " headers are over "
                                        + ConnectionLimits.MAX_HEADERS + " bytes");
                    case 408 -> Problem.of(ProblemCode.REQUEST_TIMEOUT, "the request was not sent in time");
                    case 413 ->
                        Problem.of(ProblemCode.BODY_TOO_LARGE, "the body may have at most " + maxBodyBytes + " bytes");
                    case 414 ->
                        Problem.of(
                                ProblemCode.URI_TOO_LONG,
                                "the request line may have at most " + ConnectionLimits.MAX_REQUEST_LINE + " bytes");
                    case 500 -> Problem.of(ProblemCode.INTERNAL_ERROR, "an unexpected error; it has been logged");
                    default -> null;
                });
    }

    private static DirectHandler.TransportResponse answer(Problem problem) {
        return DirectHandler.TransportResponse.builder()
                .status(Status.create(problem.code().status()))
                .header(HeaderNames.CONTENT_TYPE, Responses.PROBLEM_TYPE)
                .header(HeaderNames.CACHE_CONTROL, "no-store")
                // Where the next request would start is unknown after a malformed one.
                .keepAlive(false)
                .entity(bytes(problem))
                .build();
    }

    static byte[] bytes(Problem problem) {
        try {
            return ScanBodies.JSON.writeValueAsBytes(Responses.problemBody(problem));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain nodes always serialises", e);
        }
    }
}
