package dev.ecoscan.adapter.http;

import dev.ecoscan.domain.port.RequestRecorder;
import dev.ecoscan.domain.scan.ScanId;
import io.helidon.http.HttpException;
import io.helidon.http.RequestException;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Wraps every handler: its problems are answered as problem+json, an exception it did not expect is
 * logged once and answered 500, its request keeps to the read deadline, and it is observed under
 * its route template with the status the client was sent.
 */
final class RouteGuard {

    /** The method a request is observed under when it is none of the standard nine. */
    static final String OTHER_METHOD = "other";

    /** Unexpected failures of a request, logged once with their stack trace. */
    private static final Logger LOG = LoggerFactory.getLogger("eco-scan.http");
    /** RFC 9110's methods and RFC 5789's PATCH. Helidon reads a method in upper case, so "get" is GET. */
    private static final Set<String> STANDARD_METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH");

    private final RequestRecorder recorder;
    private final RequestReadDeadlines deadlines;

    RouteGuard(RequestRecorder recorder, RequestReadDeadlines deadlines) {
        this.recorder = recorder;
        this.deadlines = deadlines;
    }

    /**
     * Answers the handler's problems, and any exception it did not expect as a logged 500.
     * Helidon's own exceptions (they carry their status) and a failed connection pass through.
     */
    Handler guarded(String template, Handler handler) {
        return (req, res) -> {
            deadlines.guardAnswer(res);
            try {
                handler.handle(req, res);
            } catch (ProblemException e) {
                Responses.problem(res, e.problem());
            } catch (HttpException
                    | RequestException
                    | CloseConnectionException
                    | IOException
                    | UncheckedIOException e) {
                throw e;
            } catch (VirtualMachineError e) {
                // Out of memory, a stack overflow: the less done here the better.
                throw e;
            } catch (Throwable e) {
                answerUnexpected(template, req, res, e);
            }
            // Answered: a body the handler did not need is dropped within the request's time.
            deadlines.settle(req);
        };
    }

    /**
     * Times the guarded handler and reports it under its template, however it ends, with the
     * status the client is sent: the 500 of an unexpected exception is set before this reads it.
     */
    Handler observed(String template, Handler handler) {
        Handler guarded = guarded(template, handler);
        return (req, res) -> {
            long start = System.nanoTime();
            int sent = 0;
            try {
                guarded.handle(req, res);
            } catch (RequestReadDeadlines.TooSlowException e) {
                // The client had its 408 from the deadlines' sweeper, not through this response.
                sent = ProblemCode.REQUEST_TIMEOUT.status();
                throw e;
            } catch (HttpException e) {
                sent = e.status().code();
                throw e;
            } catch (RequestException e) {
                sent = e.status().code();
                throw e;
            } catch (VirtualMachineError e) {
                // Let through by the guard: the catch-all error handler answers it with a 500.
                sent = 500;
                throw e;
            } finally {
                recorder.recordHttp(
                        methodLabel(req),
                        template,
                        sent != 0 ? sent : res.status().code(),
                        Duration.ofNanos(System.nanoTime() - start));
            }
        };
    }

    /**
     * Logs the failure once, with its stack trace, and answers {@code internal_error}. Only the
     * route, the method label and the scan's task_id are logged: never the body or a header.
     */
    static void answerUnexpected(String template, ServerRequest req, ServerResponse res, Throwable e) {
        Optional<String> task = req.context().get(ScanId.class).map(ScanId::toString);
        LoggingEventBuilder line = LOG.atError().setCause(e);
        task.map(id -> line.addKeyValue("task_id", id))
                .orElse(line)
                .log("unexpected error answered 500 on " + methodLabel(req) + " " + template
                        + task.map(id -> ", task_id " + id).orElse(""));
        Problem problem = Problem.of(ProblemCode.INTERNAL_ERROR, "an unexpected error; it has been logged");
        try {
            Responses.problem(res, task.map(problem::forTask).orElse(problem));
        } catch (IllegalStateException | UncheckedIOException alreadyUnderWay) {
            // Part of the answer is out (a stream of events): it cannot become a 500, so the
            // connection ends here.
            throw new CloseConnectionException("the response was under way when its handler failed", e);
        }
    }

    /** The request's method if it is a standard one, else {@link #OTHER_METHOD}: clients choose the token. */
    private static String methodLabel(ServerRequest req) {
        String method = req.prologue().method().text();
        return STANDARD_METHODS.contains(method) ? method : OTHER_METHOD;
    }
}
