package dev.ecoscan.application.timing;

import dev.ecoscan.domain.port.StepRecorder;
import dev.ecoscan.domain.scan.FailureKind;
import dev.ecoscan.domain.scan.ImageLoadEvent;
import dev.ecoscan.domain.scan.ScanId;
import dev.ecoscan.domain.scan.Step;
import dev.ecoscan.domain.scan.StepEvent;
import dev.ecoscan.domain.scan.StepStatus;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Times one port call and records its {@link StepEvent} (or, for the image load, its
 * {@link ImageLoadEvent}), whatever way the call ends.
 */
public final class StepTimer {

    private static final Logger LOG = LoggerFactory.getLogger(StepTimer.class);

    private final StepRecorder recorder;
    private final LongSupplier nanoTicker;

    /**
     * A timer on a clock of the caller's (a test's).
     *
     * @param recorder   told of every timed step
     * @param nanoTicker a monotonic nanosecond source; {@code System::nanoTime} outside tests
     */
    public StepTimer(StepRecorder recorder, LongSupplier nanoTicker) {
        this.recorder = Objects.requireNonNull(recorder, "recorder");
        this.nanoTicker = Objects.requireNonNull(nanoTicker, "nanoTicker");
    }

    /**
     * A timer on the system's monotonic clock.
     *
     * @param recorder told of every timed step
     * @return the timer
     */
    public static StepTimer systemTimer(StepRecorder recorder) {
        return new StepTimer(recorder, System::nanoTime);
    }

    /**
     * Runs {@code call} and records how long it took with the status {@code statusOf} gives its
     * result. A throwing call is recorded as {@link StepStatus#ERROR}, or {@link StepStatus#TIMEOUT}
     * when the pipeline interrupted it at the deadline, and the throwable propagates unchanged.
     *
     * @param <T>      what the port returns
     * @param scanId   the scan
     * @param step     the step timed
     * @param call     the port call
     * @param statusOf the status a result stands for
     * @return the call's result
     */
    public <T> T time(ScanId scanId, Step step, Supplier<T> call, Function<? super T, StepStatus> statusOf) {
        return timed(call, statusOf, (duration, status) -> record(new StepEvent(scanId, step, duration, status)));
    }

    /**
     * Like {@link #time}, for the image load before the vision step.
     *
     * @param <T>      what the port returns
     * @param scanId   the scan
     * @param call     the image source call
     * @param statusOf the status a result stands for
     * @return the call's result
     */
    public <T> T timeImageLoad(ScanId scanId, Supplier<T> call, Function<? super T, StepStatus> statusOf) {
        return timed(call, statusOf, (duration, status) -> record(new ImageLoadEvent(scanId, duration, status)));
    }

    private <T> T timed(
            Supplier<T> call, Function<? super T, StepStatus> statusOf, BiConsumer<Duration, StepStatus> recording) {
        long start = nanoTicker.getAsLong();
        StepStatus status = StepStatus.ERROR;
        try {
            T result = call.get();
            status = statusOf.apply(result);
            return result;
        } finally {
            if (status != StepStatus.SUCCESS && Thread.currentThread().isInterrupted()) {
                // Only the deadline guard interrupts a step's thread.
                status = StepStatus.TIMEOUT;
            }
            recording.accept(Duration.ofNanos(Math.max(0, nanoTicker.getAsLong() - start)), status);
        }
    }

    /**
     * The status of a port's typed failure.
     *
     * @param kind the failure's kind
     * @return {@link StepStatus#TIMEOUT} for a deadline, else {@link StepStatus#FAILED}
     */
    public static StepStatus statusOf(FailureKind kind) {
        return kind == FailureKind.DEADLINE_EXCEEDED ? StepStatus.TIMEOUT : StepStatus.FAILED;
    }

    private void record(StepEvent event) {
        safely(event, recorder::record);
    }

    private void record(ImageLoadEvent event) {
        safely(event, recorder::recordImageLoad);
    }

    private static <E> void safely(E event, Consumer<E> listener) {
        try {
            listener.accept(event);
        } catch (RuntimeException e) {
            // A broken listener (metrics, logs) must not turn a good scan into a failed one.
            LOG.warn("step recorder failed for {}", event, e);
        }
    }
}
