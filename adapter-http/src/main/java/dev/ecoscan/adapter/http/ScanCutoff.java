package dev.ecoscan.adapter.http;

import dev.ecoscan.application.port.ScanWaste;
import dev.ecoscan.domain.scan.ScanOutcome;
import dev.ecoscan.domain.scan.ScanRequest;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * The end of SIGTERM's drain for synchronous scans. A scan still running when the grace is over is
 * cut: its request is answered at once (503 {@code shutting_down}) while the server still runs,
 * rather than left to a connection the stopping server drops. So each scan runs on a virtual thread
 * of its own, which its request's thread waits for or, once cut, leaves; a cut scan runs on until
 * the process ends, answering no one.
 */
final class ScanCutoff {

    private final Set<CompletableFuture<ScanOutcome>> running = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;

    /**
     * The scan's outcome, or empty when it was cut first. What the scan throws is thrown here as it
     * was, so the handler answers it as before.
     */
    Optional<ScanOutcome> run(ScanWaste scans, ScanRequest request) {
        CompletableFuture<ScanOutcome> outcome = new CompletableFuture<>();
        running.add(outcome);
        try {
            if (cut) {
                // Past the drain's check just as it ended: there is no grace left to run it in.
                return Optional.empty();
            }
            Thread.ofVirtual().name("scan-" + request.id()).start(() -> {
                try {
                    outcome.complete(scans.scan(request));
                } catch (Throwable e) {
                    outcome.completeExceptionally(e);
                }
            });
            return Optional.of(outcome.get());
        } catch (CancellationException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            // The server is stopping this request: as good as cut. The flag is not set again, because
            // the answer is written next, and an interrupted virtual thread's socket write closes it.
            return Optional.empty();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("the scan failed", e.getCause());
        } finally {
            running.remove(outcome);
        }
    }

    /** Cuts every scan running now, and every one that starts after. */
    void cutAll() {
        cut = true;
        running.forEach(outcome -> outcome.cancel(false));
    }
}
