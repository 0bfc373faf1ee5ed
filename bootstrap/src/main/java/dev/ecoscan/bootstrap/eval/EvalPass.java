package dev.ecoscan.bootstrap.eval;

import dev.ecoscan.application.calls.ModelCallLog;
import dev.ecoscan.application.port.ScanWaste;
import dev.ecoscan.bootstrap.render.ProgressBar;
import dev.ecoscan.domain.scan.ImageReference;
import dev.ecoscan.domain.scan.ScanId;
import dev.ecoscan.domain.scan.ScanOutcome;
import dev.ecoscan.domain.scan.ScanRequest;
import dev.ecoscan.domain.scan.UserId;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One model's pass over a set: every image through the real scan use case, a few at a time, each
 * with its model calls taken from the log. The results keep the set's order.
 */
public final class EvalPass {

    /** Scans an evaluation makes belong to no person; rewards they earn are of no interest. */
    private static final UserId EVALUATOR = new UserId("eco-scan-eval");

    private final ScanWaste scans;
    private final ModelCallLog calls;
    private final Clock clock;
    private final Duration deadline;

    public EvalPass(ScanWaste scans, ModelCallLog calls, Clock clock, Duration deadline) {
        this.scans = scans;
        this.calls = calls;
        this.clock = clock;
        this.deadline = deadline;
    }

    public List<ScanResult> run(List<LabelledImage> images, int parallel, ProgressBar progress)
            throws InterruptedException {
        List<Future<ScanResult>> futures = new ArrayList<>();
        try (ExecutorService workers = Executors.newFixedThreadPool(parallel)) {
            for (LabelledImage image : images) {
                futures.add(workers.submit(() -> {
                    ScanResult result = scan(image);
                    progress.advance();
                    return result;
                }));
            }
            List<ScanResult> results = new ArrayList<>();
            for (Future<ScanResult> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (ExecutionException e) {
            throw new IllegalStateException("a scan of the set broke: " + e.getCause(), e.getCause());
        }
    }

    private ScanResult scan(LabelledImage image) {
        ScanRequest request = new ScanRequest(
                ScanId.random(),
                new ImageReference.File(image.path()),
                Optional.empty(),
                EVALUATOR,
                clock.instant().plus(deadline));
        long start = System.nanoTime();
        ScanOutcome outcome = scans.scan(request);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        return new ScanResult(image, outcome, calls.take(request.id()), elapsed);
    }
}
