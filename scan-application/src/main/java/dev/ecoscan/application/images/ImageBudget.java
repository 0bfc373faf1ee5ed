package dev.ecoscan.application.images;

import dev.ecoscan.domain.port.ImageHold;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The bytes of images in flight, bounded: every image a scan holds (encoded as fetched, decoded while
 * it is being shrunk, copied into the vision request) is counted here through its {@link ImageHold}
 * until the vision step is done with it. Past the bound a new hold, or a hold's growth, is refused
 * at once and never waited for, so the service answers 503 rather than queueing scans in front of a
 * full heap.
 *
 * <p>The count is of what eco-scan means to keep, not of the heap: garbage not yet collected and the
 * copies a library makes on its own are not in it, which is why the bound is a fraction of the heap.
 */
public final class ImageBudget {

    private final long capacity;
    private final AtomicLong used = new AtomicLong();
    private final AtomicLong peak = new AtomicLong();
    private final LongAdder refusals = new LongAdder();

    /**
     * An empty budget.
     *
     * @param capacityBytes the most bytes held at once; positive
     */
    public ImageBudget(long capacityBytes) {
        if (capacityBytes <= 0) {
            throw new IllegalArgumentException("an image budget must be positive, not " + capacityBytes);
        }
        this.capacity = capacityBytes;
    }

    /**
     * A hold of {@code bytes}, or empty at once when they do not fit beside what is held now.
     *
     * @param bytes the image's size in memory
     * @return the hold, or empty when the budget is full
     */
    public Optional<ImageHold> tryHold(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("cannot hold " + bytes + " bytes");
        }
        return take(bytes) ? Optional.of(new Hold(bytes)) : Optional.empty();
    }

    /**
     * Whether {@code bytes} could ever be held: more than the capacity never fits, however long one waits.
     *
     * @param bytes the image's size in memory
     * @return false when it is over the capacity
     */
    public boolean fits(long bytes) {
        return bytes <= capacity;
    }

    /**
     * The most bytes held at once.
     *
     * @return the capacity
     */
    public long capacity() {
        return capacity;
    }

    /**
     * The bytes held now.
     *
     * @return the count held now
     */
    public long inUse() {
        return used.get();
    }

    /**
     * The most bytes held at once since the budget was made.
     *
     * @return the peak count
     */
    public long peak() {
        return peak.get();
    }

    /**
     * How many holds and growths were refused.
     *
     * @return the number of refusals
     */
    public long refusals() {
        return refusals.sum();
    }

    /**
     * The capacity for people: "128 MiB".
     *
     * @return the capacity in MiB, KiB or bytes
     */
    public String capacityText() {
        return sizeText(capacity);
    }

    /**
     * A byte count for people, in MiB, KiB or bytes.
     *
     * @param bytes a byte count
     * @return the count, e.g. "1.5 MiB"
     */
    public static String sizeText(long bytes) {
        if (bytes >= 1024 * 1024) {
            long tenths = Math.round(bytes * 10.0 / (1024 * 1024));
            return (tenths % 10 == 0 ? String.valueOf(tenths / 10) : tenths / 10 + "." + tenths % 10) + " MiB";
        }
        return bytes >= 1024 ? Math.round(bytes / 1024.0) + " KiB" : bytes + " bytes";
    }

    private boolean take(long bytes) {
        while (true) {
            long now = used.get();
            long next = now + bytes;
            if (next > capacity || next < 0) {
                refusals.increment();
                return false;
            }
            if (used.compareAndSet(now, next)) {
                peak.accumulateAndGet(next, Math::max);
                return true;
            }
        }
    }

    private void give(long bytes) {
        used.addAndGet(-bytes);
    }

    @Override
    public String toString() {
        return "ImageBudget[" + sizeText(used.get()) + " of " + capacityText() + "]";
    }

    private final class Hold implements ImageHold {

        private long bytes;
        private boolean closed;

        Hold(long bytes) {
            this.bytes = bytes;
        }

        @Override
        public synchronized long bytes() {
            return bytes;
        }

        @Override
        public synchronized boolean resizeTo(long wanted) {
            if (wanted < 0) {
                throw new IllegalArgumentException("cannot hold " + wanted + " bytes");
            }
            if (closed) {
                return wanted == 0;
            }
            if (wanted > bytes && !take(wanted - bytes)) {
                return false;
            }
            if (wanted < bytes) {
                give(bytes - wanted);
            }
            bytes = wanted;
            return true;
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                give(bytes);
                bytes = 0;
            }
        }

        @Override
        public synchronized String toString() {
            return "ImageHold[" + (closed ? "closed" : sizeText(bytes)) + "]";
        }
    }
}
