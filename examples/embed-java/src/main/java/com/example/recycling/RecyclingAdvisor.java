package com.example.recycling;

import dev.ecoscan.domain.scan.ImageReference;
import dev.ecoscan.domain.scan.ScanOutcome;
import dev.ecoscan.domain.scan.UserId;
import dev.ecoscan.engine.ScanEngine;
import java.util.Optional;

/**
 * The host service's use of eco-scan: a photo in, one line of advice out. The engine is built once
 * by the host (see the tests) and shared; it is thread-safe.
 */
public final class RecyclingAdvisor {

    private final ScanEngine engine;

    public RecyclingAdvisor(ScanEngine engine) {
        this.engine = engine;
    }

    /** The advice for the item in {@code png}, or why there is none. */
    public String advise(byte[] png, String user, Optional<String> question) {
        ScanOutcome outcome = engine.scan(
                engine.request(new ImageReference.Inline(png, "image/png"), new UserId(user), question));
        return switch (outcome) {
            case ScanOutcome.Completed completed -> completed.answer().userAnswer();
            case ScanOutcome.Rejected rejected -> "no advice: " + rejected.detail();
            case ScanOutcome.Failed failed -> "eco-scan failed: " + failed.kind();
        };
    }
}
