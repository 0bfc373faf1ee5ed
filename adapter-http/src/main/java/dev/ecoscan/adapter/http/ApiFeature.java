package dev.ecoscan.adapter.http;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import java.util.List;

/**
 * A feature of the API as a Helidon service: it lists its endpoints, and each is registered through
 * the {@link RouteGuard}, so that its problems are answered and its requests observed by route.
 */
abstract class ApiFeature implements HttpService {

    private final RouteGuard guard;

    ApiFeature(RouteGuard guard) {
        this.guard = guard;
    }

    /** This feature's routes with their handlers, each route written here and nowhere else. */
    abstract List<Endpoint> endpoints();

    final List<Route> routes() {
        return endpoints().stream().map(Endpoint::route).toList();
    }

    @Override
    public final void routing(HttpRules rules) {
        for (Endpoint endpoint : endpoints()) {
            Route route = endpoint.route();
            rules.route(
                    route.method(),
                    route.path(),
                    endpoint.observed()
                            ? guard.observed(route.path(), endpoint.handler())
                            : guard.guarded(route.path(), endpoint.handler()));
        }
    }
}
