package dev.ecoscan.adapter.http;

import dev.ecoscan.domain.scan.ScanId;
import dev.ecoscan.domain.scan.ScanOutcome;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/** What the HTTP adapter reports as it serves: each request by route template, each scan's outcome. */
public interface HttpObserver {

    void request(String method, String pathTemplate, int status, Duration took);

    void scan(ScanOutcome outcome);

    /** Which endpoint of the provider chain served each LLM step of a finished scan, for its log line. */
    default Map<String, String> servedBy(ScanId scan) {
        return Map.of();
    }

    static HttpObserver none() {
        return new HttpObserver() {
            @Override
            public void request(String method, String pathTemplate, int status, Duration took) {}

            @Override
            public void scan(ScanOutcome outcome) {}
        };
    }

    /**
     * An observer of three functions, so that the composition root can report to its metrics and
     * call log without implementing this interface itself.
     */
    static HttpObserver of(
            Requests requests, Consumer<ScanOutcome> scans, Function<ScanId, Map<String, String>> servedBy) {
        return new HttpObserver() {
            @Override
            public void request(String method, String pathTemplate, int status, Duration took) {
                requests.request(method, pathTemplate, status, took);
            }

            @Override
            public void scan(ScanOutcome outcome) {
                scans.accept(outcome);
            }

            @Override
            public Map<String, String> servedBy(ScanId scan) {
                return servedBy.apply(scan);
            }
        };
    }

    /** What {@link #request} reports, as a function. */
    @FunctionalInterface
    interface Requests {
        void request(String method, String pathTemplate, int status, Duration took);
    }
}
