package dev.ecoscan.adapter.http;

import dev.ecoscan.domain.scan.UserId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Counts the open event streams, per user and in all, and refuses one past either bound at once,
 * never queued: a client waiting for a stream would be a stream too. A user's count is removed when
 * it drops to zero, so the map holds only users with a stream open.
 */
final class StreamSlots {

    /** A user over their bound waits for one of their own streams to end: a scan takes seconds. */
    static final int PER_USER_RETRY_SECONDS = 5;

    private final StreamLimits limits;
    private final Semaphore total;
    private final Map<UserId, Integer> perUser = new ConcurrentHashMap<>();

    StreamSlots(StreamLimits limits) {
        this.limits = limits;
        this.total = new Semaphore(limits.total());
    }

    /**
     * A slot for one more stream of {@code user}; close it when the stream ends, however it ends.
     *
     * @throws ProblemException 429 {@code too_many_streams} past the user's bound, 503 {@code streams_full}
     *                          past the bound in all
     */
    Slot open(UserId user) {
        boolean[] admitted = new boolean[1];
        // The user's bound first: a user over it must not take, even for a moment, a slot another could use.
        perUser.compute(user, (u, open) -> {
            int count = open == null ? 0 : open;
            if (count >= limits.perUser()) {
                return open;
            }
            admitted[0] = true;
            return count + 1;
        });
        if (!admitted[0]) {
            throw new ProblemException(Problem.of(
                            ProblemCode.TOO_MANY_STREAMS,
                            "at most " + limits.perUser() + " event streams per user at once; close one first")
                    .retryAfter(PER_USER_RETRY_SECONDS));
        }
        if (!total.tryAcquire()) {
            leave(user);
            throw new ProblemException(Problem.of(
                            ProblemCode.STREAMS_FULL,
                            "this instance serves at most " + limits.total() + " event streams at once")
                    .retryAfter(1));
        }
        return new Slot(user);
    }

    /** Streams open now, in all. */
    int open() {
        return limits.total() - total.availablePermits();
    }

    private void leave(UserId user) {
        perUser.computeIfPresent(user, (u, open) -> open <= 1 ? null : open - 1);
    }

    /** One open stream; closing it twice frees it once. */
    final class Slot implements AutoCloseable {

        private final UserId user;
        private final AtomicBoolean closed = new AtomicBoolean();

        private Slot(UserId user) {
            this.user = user;
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                total.release();
                leave(user);
            }
        }
    }
}
