package dev.ecoscan.adapter.http;

import io.helidon.common.buffers.BufferData;
import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.http.Status;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.http1.Http1ConnectionListener;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

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
 * route's handler there too, so the request a thread is reading is that thread's {@link Reading}.
 * A sweeper closes the connections whose time ran out.
 */
final class RequestReadDeadlines implements Http1ConnectionListener {

    private static final System.Logger LOG = System.getLogger("eco-scan.http");
    /** How often the sweeper looks; a deadline is kept to within this. */
    private static final Duration SWEEP = Duration.ofMillis(100);

    private final Duration readTime;
    private final byte[] timeoutAnswer;
    private final ThreadLocal<Reading> current = new ThreadLocal<>();
    private final Set<Reading> pending = ConcurrentHashMap.newKeySet();
    private volatile Thread sweeper;

    RequestReadDeadlines(Duration readTime) {
        this.readTime = readTime;
        this.timeoutAnswer = timeoutAnswer(readTime);
    }

    /** The request line is in: this connection's previous request is over, however it ended, and the new one's time starts. */
    @Override
    public void prologue(ConnectionContext connection, HttpPrologue prologue) {
        Reading previous = current.get();
        if (previous != null) {
            previous.finish();
        }
        Reading reading = new Reading(connection, System.nanoTime() + readTime.toNanos());
        current.set(reading);
        pending.add(reading);
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
                Reading reading = current.get();
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
        Reading reading = current.get();
        if (reading != null && !reading.finish()) {
            throw new TooSlowException(readTime);
        }
    }

    /** Whether this thread's request ran out of time: then its connection is closed, and a failed read is why. */
    boolean ranOut() {
        Reading reading = current.get();
        return reading != null && reading.state.get() == Reading.EXPIRED;
    }

    /**
     * Before the handler: while its request is still being read, the sweeper must not write a 408
     * over the handler's own answer, so the answer claims the connection first (or, when the 408
     * won, is not sent at all).
     */
    void guardAnswer(ServerResponse res) {
        Reading reading = current.get();
        if (reading != null && reading.state.get() == Reading.READING) {
            res.beforeSend(() -> {
                if (!reading.answer()) {
                    throw new TooSlowException(readTime);
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
        Reading reading = current.get();
        if (reading == null || reading.state.get() >= Reading.DONE) {
            return;
        }
        try {
            if (!req.content().consumed()) {
                req.content().consume();
            }
        } catch (RuntimeException closedOrMalformed) {
            LOG.log(System.Logger.Level.TRACE, "an unread request body could not be dropped", closedOrMalformed);
        }
        reading.finish();
    }

    void start() {
        sweeper = Thread.ofVirtual().name("eco-scan-read-deadlines").start(this::sweep);
    }

    void stop() {
        Thread thread = sweeper;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void sweep() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(SWEEP);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            for (Reading reading : pending) {
                if (now - reading.deadline >= 0) {
                    pending.remove(reading);
                    // Its own thread: a write to a client that reads nothing must not hold up the sweep.
                    Thread.startVirtualThread(reading::expire);
                }
            }
        }
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

    /** One request being read: reading, answered (a body may still be coming), done, or out of time. */
    private final class Reading {

        static final int READING = 0;
        static final int ANSWERED = 1;
        static final int DONE = 2;
        static final int EXPIRED = 3;

        private final ConnectionContext connection;
        private final long deadline;
        private final AtomicInteger state = new AtomicInteger(READING);

        Reading(ConnectionContext connection, long deadline) {
            this.connection = connection;
            this.deadline = deadline;
        }

        /** False if the time ran out first. */
        boolean finish() {
            pending.remove(this);
            while (true) {
                int now = state.get();
                if (now == EXPIRED) {
                    return false;
                }
                if (now == DONE || state.compareAndSet(now, DONE)) {
                    return true;
                }
            }
        }

        /** False if the time ran out first. */
        boolean answer() {
            return state.compareAndSet(READING, ANSWERED) || state.get() != EXPIRED;
        }

        void expire() {
            if (state.compareAndSet(READING, EXPIRED)) {
                try {
                    connection.dataWriter().writeNow(BufferData.create(timeoutAnswer));
                } catch (RuntimeException gone) {
                    // The client left already; the close below is all there is to do.
                }
                close();
            } else if (state.compareAndSet(ANSWERED, EXPIRED)) {
                close();
            }
        }

        private void close() {
            try {
                if (connection.serverSocket().isConnected()) {
                    LOG.log(
                            System.Logger.Level.DEBUG,
                            "closing a connection whose request took over " + readTime.toMillis() + " ms to arrive");
                    connection.serverSocket().close();
                }
            } catch (RuntimeException alreadyClosed) {
                // Nothing left to close.
            }
        }
    }

    /**
     * The request ran out of time: the client has had its 408 (or the connection closed after an
     * answer), so nothing more is sent and Helidon closes the connection.
     */
    static final class TooSlowException extends io.helidon.webserver.CloseConnectionException {

        TooSlowException(Duration readTime) {
            super("the request did not arrive within " + readTime.toMillis() + " ms");
        }
    }
}
