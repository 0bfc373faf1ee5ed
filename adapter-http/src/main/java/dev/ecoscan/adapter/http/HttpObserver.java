package dev.ecoscan.adapter.http;

import dev.ecoscan.domain.scan.ScanOutcome;
import java.time.Duration;

/** What the HTTP adapter reports as it serves: each request by route template, each scan's outcome. */
public interface HttpObserver {

    void request(String method, String pathTemplate, int status, Duration took);

    void scan(ScanOutcome outcome);

    static HttpObserver none() {
        return new HttpObserver() {
            @Override
            public void request(String method, String pathTemplate, int status, Duration took) {
            }

            @Override
            public void scan(ScanOutcome outcome) {
            }
        };
    }
}
