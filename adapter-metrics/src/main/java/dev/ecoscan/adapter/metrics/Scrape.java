package dev.ecoscan.adapter.metrics;

import java.util.Objects;

/**
 * One scrape of every meter, ready to serve at {@code /metrics}.
 *
 * @param contentType the value for the response's {@code Content-Type} header
 * @param body        the metrics in that format
 */
public record Scrape(String contentType, String body) {

    public Scrape {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
    }
}
