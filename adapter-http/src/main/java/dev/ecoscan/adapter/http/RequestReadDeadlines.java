package dev.ecoscan.adapter.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.http.Status;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.http1.Http1ConnectionListener;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The time a client has to send a request once its request line is in: its headers, then its body.
 * Helidon times neither. Its idle check interrupts a connection only while it waits for a request
 * line, and a socket read waits as long as a byte comes now and then, so a client that trickled its
 * headers or its body kept its connection (past the headers, a handler's virtual thread too) for as
 * long as it liked. Past the deadline the client is sent 408 problem+json, unless an answer has
 * begun, and its connection is closed.
 *
 * <p>Helidon reads a connection's requests one after another on one virtual thread, calls its
 * listeners on that thread (this one as it receives, {@link #answers} as it sends) and runs the
 * route's handler there too, so the request a thread is reading is that thread's
 * {@link RequestReading}. A {@link ReadDeadlineSweeper} closes the connections whose time ran out.
 */
final class RequestReadDeadlines implements Http1ConnectionListener {

    private static final Logger LOG = LoggerFactory.getLogger("eco-scan.http");
    private final Duration readTime;
    private final byte[] timeoutAnswer;
    private final ThreadLocal<RequestReading> current = new ThreadLocal<>();
    private final ReadDeadlineSweeper sweeper = new ReadDeadlineSweeper();

    RequestReadDeadlines(Duration readTime) {
        this.readTime = readTime;
        this.timeoutAnswer = timeoutAnswer(readTime);
    }

    /** The request line is in: this connection's previous request is over, however it ended, and the new one's time starts. */
    @Override
    public void prologue(ConnectionContext connection, HttpPrologue prologue) {
        RequestReading previous = current.get();
        if (previous != null) {
            finish(previous);
        }
        RequestReading reading = new RequestReading(connection, readTime, timeoutAnswer);
        current.set(reading);
        sweeper.watch(reading);
    }

    /** Without a body, the request has been read with its headers. */
    @Override
    public void headers(ConnectionContext connection, Headers headers) {
        if (!carriesBody(headers)) {
            finished();
        }
    }

    /**
     * The send listener: when an answer goes out on a connection, Helidon's own refusals included,
     * the sweeper only closes it from then on. (This class is the receive listener; Helidon calls
     * a send listener's {@code headers} with the answer's headers.)
     */
    Http1ConnectionListener answers() {
        return new Http1ConnectionListener() {
            @Override
            public void status(ConnectionContext connection, Status status) {
                RequestReading reading = current.get();
                if (reading != null) {
                    reading.answer();
                }
            }
        };
    }

    /**
     * This thread's request has been read in full, so its time stops.
     *
     * @throws TooSlowException if the time ran out first (the client has had its 408)
     */
    void finished() {
        RequestReading reading = current.get();
        if (reading != null && !finish(reading)) {
            throw tooSlow();
        }
    }

    /** The failure of a request that ran out of time: its client has had its 408. */
    TooSlowException tooSlow() {
        return new TooSlowException(readTime);
    }

    /** Whether this thread's request ran out of time: then its connection is closed, and a failed read is why. */
    boolean ranOut() {
        RequestReading reading = current.get();
        return reading != null && reading.ranOut();
    }

    /**
     * Before the handler: while its request is still being read, the sweeper must not write a 408
     * over the handler's own answer, so the answer claims the connection first (or, when the 408
     * won, is not sent at all).
     */
    void guardAnswer(ServerResponse res) {
        RequestReading reading = current.get();
        if (reading != null && reading.isReading()) {
            res.beforeSend(() -> {
                if (!reading.answer()) {
                    throw tooSlow();
                }
            });
        }
    }

    /**
     * After the handler: a body it did not read (it refused the request first) is read and dropped
     * within the same time, as Helidon would read it anyway to keep the connection. A failure is left
     * to Helidon, which closes the connection when it cannot read past the body.
     */
    void settle(ServerRequest req) {
        RequestReading reading = current.get();
        if (reading == null || reading.isOver()) {
            return;
        }
        try {
            if (!req.content().consumed()) {
                req.content().consume();
            }
        } catch (RuntimeException closedOrMalformed) {
            LOG.trace("an unread request body could not be dropped", closedOrMalformed);
        }
        finish(reading);
    }

    /** Starts the sweeper; the server calls it before it takes connections. */
    void start() {
        sweeper.start();
    }

    void stop() {
        sweeper.stop();
    }

    /** False if the time ran out first. */
    private boolean finish(RequestReading reading) {
        sweeper.forget(reading);
        return reading.finish();
    }

    /** A body follows the headers: a positive Content-Length, or any Transfer-Encoding (Helidon refuses the rest). */
    private static boolean carriesBody(Headers headers) {
        if (headers.contains(HeaderNames.TRANSFER_ENCODING)) {
            return true;
        }
        try {
            return headers.contentLength().orElse(0L) > 0;
        } catch (RuntimeException malformed) {
            return true;
        }
    }

    private static byte[] timeoutAnswer(Duration readTime) {
        byte[] body = DirectProblems.bytes(Problem.of(
                ProblemCode.REQUEST_TIMEOUT,
                "the request's headers and body" + " must arrive within " + readTime.toMillis()
                        + " ms of its request line"));
        String head = "HTTP/1.1 408 Request Timeout\r\nContent-Type: " + Responses.PROBLEM_TYPE
                + "\r\nCache-Control: no-store\r\nConnection: close\r\nContent-Length: " + body.length + "\r\n\r\n";
        byte[] answer = new byte[head.length() + body.length];
        System.arraycopy(head.getBytes(StandardCharsets.US_ASCII), 0, answer, 0, head.length());
        System.arraycopy(body, 0, answer, head.length(), body.length);
        return answer;
    }

    /**
     * The request ran out of time: the client has had its 408 (or the connection closed after an
     * answer), so nothing more is sent and Helidon closes the connection.
     */
    static final class TooSlowException extends CloseConnectionException {

        TooSlowException(Duration readTime) {
            super("the request did not arrive within " + readTime.toMillis() + " ms");
        }
    }
}
