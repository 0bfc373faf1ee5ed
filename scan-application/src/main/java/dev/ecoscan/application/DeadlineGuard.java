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
 * not CPU) and is interrupted when time runs out.
 */
final class DeadlineGuard {

    private final Clock clock;

    DeadlineGuard(Clock clock) {
        this.clock = clock;
    }

    <T> T call(ScanId scanId, Step step, Instant deadline, Supplier<T> portCall) throws StepInterrupted {
        Duration remaining = Duration.between(clock.instant(), deadline);
        if (remaining.isNegative() || remaining.isZero()) {
            throw new StepInterrupted(step, FailureKind.DEADLINE_EXCEEDED,
                    "the scan's deadline passed before the " + step.label() + " step could start", null);
        }
        FutureTask<T> task = new FutureTask<>(portCall::get);
        Thread.ofVirtual().name("scan-" + scanId + "-" + step.label()).start(task);
        T result;
        try {
            result = task.get(remaining.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            throw new StepInterrupted(step, FailureKind.DEADLINE_EXCEEDED,
                    "the " + step.label() + " step did not finish before the scan's deadline", null);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new StepInterrupted(step, FailureKind.INTERNAL_ERROR,
                    "the " + step.label() + " step threw " + cause, cause);
        } catch (InterruptedException | CancellationException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw new StepInterrupted(step, FailureKind.INTERNAL_ERROR,
                    "the scan was interrupted during the " + step.label() + " step", e);
        }
        if (result == null) {
            throw new StepInterrupted(step, FailureKind.INTERNAL_ERROR,
                    "the " + step.label() + " step's port returned nothing", null);
        }
        return result;
    }
}
