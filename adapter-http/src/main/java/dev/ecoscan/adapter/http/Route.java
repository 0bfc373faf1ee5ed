package dev.ecoscan.adapter.http;

import io.helidon.http.Method;
import java.util.Objects;

/**
 * A route of the API: a method and a path template. Each feature declares its own once; the
 * OpenAPI check, the metrics' path labels and the 405 answers all come from those declarations.
 */
record Route(Method method, String path) {

    Route {
        Objects.requireNonNull(method, "method");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("a route's path starts with /: " + path);
        }
    }

    static Route get(String path) {
        return new Route(Method.GET, path);
    }

    static Route post(String path) {
        return new Route(Method.POST, path);
    }

    /** "METHOD path", as the OpenAPI document lists it. */
    @Override
    public String toString() {
        return method.text() + " " + path;
    }
}
