package dev.ecoscan.adapter.http;

import io.helidon.common.buffers.BufferData;
import io.helidon.webserver.ConnectionContext;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request being read on its connection: reading, answered (a body may still be coming), done,
 * or out of time. The state moves once to done or to expired, whichever comes first, so the 408 and
 * the handler's own answer never both go out.
 */
final class RequestReading {

    private static final Logger LOG = LoggerFactory.getLogger("eco-scan.http");
    private static final int READING = 0;
    private static final int ANSWERED = 1;
    private static final int DONE = 2;
    private static final int EXPIRED = 3;

    private final ConnectionContext connection;
    private final Duration readTime;
    private final long deadline;
    private final byte[] timeoutAnswer;
    private final AtomicInteger state = new AtomicInteger(READING);

    /** The request line of a request is in now; it has {@code readTime} for the rest. */
    RequestReading(ConnectionContext connection, Duration readTime, byte[] timeoutAnswer) {
        this.connection = connection;
        this.readTime = readTime;
        this.deadline = System.nanoTime() + readTime.toNanos();
        this.timeoutAnswer = timeoutAnswer;
    }

    boolean isPastDeadline(long nanoTime) {
        return nanoTime - deadline >= 0;
    }

    /** Still being read, and nothing answered yet. */
    boolean isReading() {
        return state.get() == READING;
    }

    /** Read in full, or out of time: nothing is left to read. */
    boolean isOver() {
        return state.get() >= DONE;
    }

    boolean ranOut() {
        return state.get() == EXPIRED;
    }

    /** Read in full. False if the time ran out first. */
    boolean finish() {
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

    /** An answer is going out. False if the time ran out first. */
    boolean answer() {
        return state.compareAndSet(READING, ANSWERED) || state.get() != EXPIRED;
    }

    /**
     * The time ran out: a request still being read is answered 408 and its connection closed; one
     * already answered has its connection closed.
     */
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
                LOG.debug("closing a connection whose request took over {} ms to arrive", readTime.toMillis());
                connection.serverSocket().close();
            }
        } catch (RuntimeException alreadyClosed) {
            // Nothing left to close.
        }
    }
}
