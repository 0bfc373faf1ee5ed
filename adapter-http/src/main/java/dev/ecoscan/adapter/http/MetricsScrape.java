package dev.ecoscan.adapter.http;

/** The metrics text {@code GET /metrics} serves, in the format the {@code Accept} header asks for. */
@FunctionalInterface
public interface MetricsScrape {

    Scrape scrape(String acceptHeader);

    /** A scrape body with its content type. */
    record Scrape(String contentType, String body) {}
}
