package dev.ecoscan.adapter.http;

import dev.ecoscan.domain.scan.ScanId;
import dev.ecoscan.domain.scan.ScanOutcome;
import java.time.Duration;
import java.util.Map;

/** What the HTTP adapter reports as it serves: each request by route template, each scan's outcome. */
public interface HttpObserver {

    void request(String method, String pathTemplate, int status, Duration took);

    void scan(ScanOutcome outcome);

    /** Which endpoint of the provider chain served each LLM step of a finished scan, for its log line. */
    default Map<String, String> servedBy(ScanId scan) {
        return Map.of();
    }
}
