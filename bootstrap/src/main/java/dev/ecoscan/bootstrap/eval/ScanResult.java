package dev.ecoscan.bootstrap.eval;

import dev.ecoscan.domain.port.ModelCall;
import dev.ecoscan.domain.scan.ScanOutcome;
import dev.ecoscan.domain.taxonomy.Classification;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** One image of the set through one model's pass: how the scan ended, its model calls and its time. */
public record ScanResult(LabelledImage image, ScanOutcome outcome, List<ModelCall> calls, Duration elapsed) {

    public ScanResult {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(outcome, "outcome");
        calls = List.copyOf(calls);
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /** What the scan found, when it got as far as a checked classification. */
    public Optional<Classification> classification() {
        return switch (outcome) {
            case ScanOutcome.Completed done -> Optional.of(done.classification());
            case ScanOutcome.Rejected rejected -> rejected.classification();
            case ScanOutcome.Failed failed -> Optional.empty();
        };
    }

    public boolean rejected() {
        return outcome instanceof ScanOutcome.Rejected;
    }

    /** What the scan gave, as the confusion table names it: an item, a category, a rejection, a failure. */
    public String found() {
        return switch (outcome) {
            case ScanOutcome.Completed done -> done.classification().path().itemOrCategoryName();
            case ScanOutcome.Rejected rejected ->
                rejected.classification()
                        .map(found -> found.path().itemOrCategoryName())
                        .orElse("rejected (" + rejected.reason().name().toLowerCase(Locale.ROOT) + ")");
            case ScanOutcome.Failed failed -> "failed (" + failed.kind().name().toLowerCase(Locale.ROOT) + ")";
        };
    }
}
