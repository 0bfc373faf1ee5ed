package dev.ecoscan.domain.port;

import java.util.Objects;

/** What the recorders counted, as text a scraper reads ({@code GET /metrics}). */
public interface MetricsScrape {

    /**
     * Everything counted so far, in the format {@code acceptHeader} asks for (Prometheus text by default).
     *
     * @param acceptHeader the scraper's {@code Accept} header, possibly empty
     * @return the body and its content type
     */
    Scrape scrape(String acceptHeader);

    /**
     * One scrape, ready to serve.
     *
     * @param contentType the value for the response's {@code Content-Type} header
     * @param body        the metrics in that format
     */
    record Scrape(String contentType, String body) {
        /** Checks that both parts are present. */
        public Scrape {
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(body, "body");
        }
    }
}
