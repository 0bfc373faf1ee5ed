package dev.ecoscan.adapter.metrics;

import java.util.Locale;

/** The text formats a scrape can be written in, chosen from the scraper's Accept header. */
enum ExpositionFormat {
    PROMETHEUS_TEXT("text/plain; version=0.0.4; charset=utf-8"),
    OPEN_METRICS("application/openmetrics-text; version=1.0.0; charset=utf-8");

    private final String contentType;

    ExpositionFormat(String contentType) {
        this.contentType = contentType;
    }

    /**
     * OpenMetrics only when asked for by name; everything else (no header, any type, a protobuf
     * request) gets the classic text, which every Prometheus reads. Protobuf is never offered, because
     * a scrape here is a {@code String}.
     */
    static ExpositionFormat forAccept(String acceptHeader) {
        if (acceptHeader != null && acceptHeader.toLowerCase(Locale.ROOT).contains("application/openmetrics-text")) {
            return OPEN_METRICS;
        }
        return PROMETHEUS_TEXT;
    }

    String contentType() {
        return contentType;
    }
}
