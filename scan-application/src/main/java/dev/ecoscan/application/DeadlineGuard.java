package dev.ecoscan.application;

import dev.ecoscan.domain.scan.FailureKind;
import dev.ecoscan.domain.scan.ScanId;
import dev.ecoscan.domain.scan.Step;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs a port call so that the scan never waits past its deadline, even when an adapter ignores
 * the deadline it was given. Each call runs on its own virtual thread (cheap: a scan waits on I/O,
 * not CPU) and is interrupted when time runs out, unless it is made with {@link #callUninterrupted}.
 */
final class DeadlineGuard {

    private final Clock clock;

    DeadlineGuard(Clock clock) {
        this.clock = clock;
    }

    /** The call, interrupted at the deadline: for ports that an interrupt stops cleanly (HTTP clients). */
    <T> T call(ScanId scanId, Step step, Instant deadline, Supplier<T> portCall) throws StepInterrupted {
        return run(scanId, step, deadline, deadline, true, portCall);
    }

    /**
     * The call, never interrupted: for a port that bounds its own work by the deadline and that an
     * interrupt would harm. The embedded database is one: H2 closes its store, until the process
     * restarts, when a thread is interrupted in file I/O. The call is waited for until
     * {@code overrun} past the deadline (a port's own bound may round up, as JDBC's query timeout
     * does to whole seconds); after that the scan goes on without it, and the call ends on its own.
     */
    <T> T callUninterrupted(ScanId scanId, Step step, Instant deadline, Duration overrun, Supplier<T> portCall)
            throws StepInterrupted {
        return run(scanId, step, deadline, deadline.plus(overrun), false, portCall);
    }

    private <T> T run(
            ScanId scanId, Step step, Instant deadline, Instant waitUntil, boolean interrupt, Supplier<T> portCall)
            throws StepInterrupted {
        Instant now = clock.instant();
        if (!now.isBefore(deadline)) {
            throw new StepInterrupted(
                    step,
                    FailureKind.DEADLINE_EXCEEDED,
                    "the scan's deadline passed before the " + step.label() + " step could start",
                    null);
        }
        FutureTask<T> task = new FutureTask<>(portCall::get);
        Thread.ofVirtual().name("scan-" + scanId + "-" + step.label()).start(task);
        T result;
        try {
            result = task.get(Duration.between(now, waitUntil).toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            // Without the interrupt, cancel only marks the task: the call runs on to its own end.
            task.cancel(interrupt);
            throw new StepInterrupted(
                    step,
                    FailureKind.DEADLINE_EXCEEDED,
                    "the " + step.label() + " step did not finish before the scan's deadline",
                    null);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new StepInterrupted(
                    step, FailureKind.INTERNAL_ERROR, "the " + step.label() + " step threw " + cause, cause);
        } catch (InterruptedException | CancellationException e) {
            task.cancel(interrupt);
            Thread.currentThread().interrupt();
            throw new StepInterrupted(
                    step,
                    FailureKind.INTERNAL_ERROR,
                    "the scan was interrupted during the " + step.label() + " step",
                    e);
        }
        if (result == null) {
            throw new StepInterrupted(
                    step, FailureKind.INTERNAL_ERROR, "the " + step.label() + " step's port returned nothing", null);
        }
        return result;
    }
}
