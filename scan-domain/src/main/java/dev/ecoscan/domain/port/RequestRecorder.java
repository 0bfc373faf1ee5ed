package dev.ecoscan.domain.port;

import dev.ecoscan.domain.scan.ScanOutcome;
import java.time.Duration;

/** Hears what a driving adapter serves: each request by its route template, and each scan it answered. */
public interface RequestRecorder {

    /**
     * A request, named by its route template (never its raw path, which a client makes up).
     *
     * @param method       the HTTP method
     * @param pathTemplate the route's template, e.g. {@code /api/v1/scan/jobs/{id}}
     * @param status       the status answered
     * @param duration     from reading the request to the end of the answer
     */
    void recordHttp(String method, String pathTemplate, int status, Duration duration);

    /**
     * One scan the adapter answered, whatever its route.
     *
     * @param outcome how the scan ended
     */
    void recordScan(ScanOutcome outcome);
}
