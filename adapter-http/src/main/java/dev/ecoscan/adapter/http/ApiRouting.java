package dev.ecoscan.adapter.http;

import io.helidon.http.HttpException;
import io.helidon.webserver.http.HttpRouting;
import java.util.List;

/**
 * The features composed into one routing. The route table is theirs: a request that none of their
 * routes takes is answered here, 405 on a known path and 404 elsewhere, and observed as
 * {@value #UNMATCHED}, so that neither a made-up path nor a wrong method adds a series per value.
 */
final class ApiRouting {

    /** The path a request is observed under when no route takes it: an unknown path, or a wrong method. */
    static final String UNMATCHED = "unmatched";

    private final List<ApiFeature> features;
    private final RouteGuard guard;

    ApiRouting(List<ApiFeature> features, RouteGuard guard) {
        this.features = List.copyOf(features);
        this.guard = guard;
    }

    /** Every route the features serve, in the order they are registered. */
    List<Route> routes() {
        return features.stream().flatMap(feature -> feature.routes().stream()).toList();
    }

    void register(HttpRouting.Builder routing) {
        features.forEach(routing::register);
        routes().stream()
                .map(Route::path)
                .distinct()
                .forEach(path -> routing.any(path, guard.observed(UNMATCHED, (req, res) -> {
                    throw new ProblemException(
                            ProblemCode.METHOD_NOT_ALLOWED,
                            req.prologue().method().text() + " is not allowed on " + path);
                })));
        routing.any(guard.observed(UNMATCHED, (req, res) -> {
            throw new ProblemException(
                    ProblemCode.NOT_FOUND, "there is nothing at " + req.path().path());
        }));
        routing.error(ProblemException.class, (req, res, e) -> Responses.problem(res, e.problem()));
        // What the handlers' guard let through. Helidon's own exceptions carry their status: left
        // unanswered here, Helidon sends it. The rest (out of memory...) is unexpected.
        routing.error(Throwable.class, (req, res, e) -> {
            if (!(e instanceof HttpException)) {
                RouteGuard.answerUnexpected("(route unknown)", req, res, e);
            }
        });
    }
}
