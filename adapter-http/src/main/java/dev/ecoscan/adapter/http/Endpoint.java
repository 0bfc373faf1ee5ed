package dev.ecoscan.adapter.http;

import io.helidon.webserver.http.Handler;
import java.util.Objects;

/**
 * A route and the handler that serves it.
 *
 * @param observed whether its requests are reported to the {@link dev.ecoscan.domain.port.RequestRecorder}; the metrics scrape
 *     is not, because counting scrapes would drown the API's own series
 */
record Endpoint(Route route, Handler handler, boolean observed) {

    Endpoint {
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(handler, "handler");
    }

    static Endpoint of(Route route, Handler handler) {
        return new Endpoint(route, handler, true);
    }

    static Endpoint unobserved(Route route, Handler handler) {
        return new Endpoint(route, handler, false);
    }
}
