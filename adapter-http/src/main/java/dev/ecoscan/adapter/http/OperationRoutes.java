package dev.ecoscan.adapter.http;

import dev.ecoscan.domain.port.MetricsScrape;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * What operators and tools read: liveness, readiness, the metrics scrape, the OpenAPI document, and
 * in dev mode the sample images (not in the OpenAPI document: a production instance has none).
 */
final class OperationRoutes extends ApiFeature {

    static final Route LIVE = Route.get("/health/live");
    static final Route READY = Route.get("/health/ready");
    static final Route METRICS = Route.get("/metrics");
    static final Route OPENAPI = Route.get("/openapi.yaml");
    static final Route SAMPLES = Route.get("/samples/{file}");

    private final MetricsScrape metrics;
    private final InFlightLimit inFlight;
    private final BooleanSupplier shuttingDown;
    private final Optional<SampleImages> samples;
    private final byte[] openApi = resource("openapi.yaml");

    OperationRoutes(
            RouteGuard guard,
            MetricsScrape metrics,
            InFlightLimit inFlight,
            BooleanSupplier shuttingDown,
            Optional<Path> samples) {
        super(guard);
        this.metrics = metrics;
        this.inFlight = inFlight;
        this.shuttingDown = shuttingDown;
        this.samples = samples.map(SampleImages::new);
    }

    @Override
    List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>(List.of(
                Endpoint.of(LIVE, (req, res) -> Responses.text(res, 200, Responses.JSON_TYPE, "{\"status\":\"UP\"}")),
                Endpoint.of(READY, this::ready),
                // Scrapes are not requests of the API; counting them would drown the route's own series.
                Endpoint.unobserved(METRICS, this::metrics),
                Endpoint.of(OPENAPI, (req, res) -> {
                    res.header(HeaderNames.CONTENT_TYPE, "application/yaml");
                    res.send(openApi);
                })));
        samples.ifPresent(images -> endpoints.add(Endpoint.of(SAMPLES, (req, res) -> sample(images, req, res))));
        return List.copyOf(endpoints);
    }

    /**
     * Down only while the instance drains: readiness says whether it can take work at all. A full
     * in-flight bound is not reported here but answered per scan (503 {@code overloaded}), because a
     * probe that flips with load takes pods out of rotation at a peak, pushing their share onto the
     * others, which are just as full, and flaps with every burst; a refused scan is retried at once
     * (Retry-After: 1) by the client or the balancer. The counts stay in the body for people.
     */
    private void ready(ServerRequest req, ServerResponse res) {
        boolean down = shuttingDown.getAsBoolean();
        Responses.text(
                res,
                down ? 503 : 200,
                Responses.JSON_TYPE,
                "{\"status\":\"" + (down ? "DOWN" : "UP") + "\",\"scans_in_flight\":" + inFlight.inFlight()
                        + ",\"max_in_flight\":" + inFlight.limit() + "}");
    }

    private void metrics(ServerRequest req, ServerResponse res) {
        MetricsScrape.Scrape scrape =
                metrics.scrape(req.headers().first(HeaderNames.ACCEPT).orElse("text/plain"));
        Responses.text(res, 200, scrape.contentType(), scrape.body());
    }

    /** Dev mode's sample images, for loopback clients only. */
    private static void sample(SampleImages images, ServerRequest req, ServerResponse res) {
        LoopbackClients.require(req, "samples");
        byte[] png = images.png(req.path().pathParameters().get("file"));
        res.header(HeaderNames.CONTENT_TYPE, "image/png");
        res.send(png);
    }

    /** A file next to this class on the classpath; its absence is a broken build. */
    static byte[] resource(String name) {
        try (InputStream in = OperationRoutes.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
