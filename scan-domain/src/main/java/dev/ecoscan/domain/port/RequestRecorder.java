package dev.ecoscan.domain.port;

import dev.ecoscan.domain.scan.ScanOutcome;
import java.time.Duration;

/** Hears what a driving adapter serves: each request by its route template, and each scan it answered. */
public interface RequestRecorder {

    /** A request, named by its route template (never its raw path, which a client makes up). */
    void recordHttp(String method, String pathTemplate, int status, Duration duration);

    void recordScan(ScanOutcome outcome);
}
