package dev.ecoscan.adapter.http;

import dev.ecoscan.domain.scan.ImageReference;
import dev.ecoscan.domain.scan.ScanId;
import dev.ecoscan.domain.scan.ScanRequest;
import dev.ecoscan.domain.scan.TraceParent;
import dev.ecoscan.domain.scan.UserId;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * A scan's request as both the synchronous and the asynchronous route take it: the user
 * authenticated and within their rate, the body read within its limits, the image URL past the
 * static rules, the instance still taking scans, and the caller's {@code traceparent} kept.
 */
final class ScanRequestReader {

    private static final HeaderName TRACEPARENT = HeaderNames.create("traceparent");

    private final Authenticator authenticator;
    private final JsonBodyReader bodies;
    private final ImageUrlCheck urls;
    private final Optional<RateLimit> rate;
    private final Optional<UserRateLimiter> rateLimiter;
    private final int maxUserInput;
    private final Duration deadline;
    private final BooleanSupplier shuttingDown;
    private final Clock clock;

    ScanRequestReader(
            HttpSettings settings,
            Authenticator authenticator,
            JsonBodyReader bodies,
            ImageUrlCheck urls,
            BooleanSupplier shuttingDown,
            Clock clock) {
        this.authenticator = authenticator;
        this.bodies = bodies;
        this.urls = urls;
        this.rate = settings.rateLimit();
        this.rateLimiter = settings.rateLimit().map(UserRateLimiter::new);
        this.maxUserInput = settings.maxUserInput();
        this.deadline = settings.deadline();
        this.shuttingDown = shuttingDown;
        this.clock = clock;
    }

    /** The scan this request asks for, with a new task id registered on the request for its log lines. */
    ScanRequest read(ServerRequest req) {
        UserId user = authenticator.authenticate(req);
        rateLimiter.flatMap(limiter -> limiter.refusal(user)).ifPresent(this::refuse);
        ClassifyRequest body = ClassifyRequest.parse(bodies.read(req), maxUserInput);
        ImageReference image = image(body.imageUrl());
        if (shuttingDown.getAsBoolean()) {
            throw new ProblemException(Problem.of(ProblemCode.SHUTTING_DOWN, "this instance is shutting down")
                    .retryAfter(1));
        }
        ScanId task = ScanId.random();
        // So that an unexpected failure later in this request is logged, and answered, with its task_id.
        req.context().register(task);
        // The caller's W3C trace context, so the scan's trace (and a job's, run later) continues the caller's.
        Optional<TraceParent> trace =
                TraceParent.parse(req.headers().first(TRACEPARENT).orElse(null));
        return new ScanRequest(
                task, image, body.userInput(), user, clock.instant().plus(deadline), trace);
    }

    private ImageReference image(String url) {
        urls.refusal(url).ifPresent(reason -> {
            throw new ProblemException(ProblemCode.IMAGE_URL_NOT_ALLOWED, reason);
        });
        ImageReference image;
        try {
            image = ImageReference.parse(url);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemCode.IMAGE_URL_NOT_ALLOWED, e.getMessage());
        }
        if (!(image instanceof ImageReference.Url)) {
            throw new ProblemException(ProblemCode.IMAGE_URL_NOT_ALLOWED, "image_url must be an http(s) URL");
        }
        return image;
    }

    private void refuse(Duration wait) {
        RateLimit limit = rate.orElseThrow();
        throw new ProblemException(Problem.of(
                        ProblemCode.RATE_LIMITED,
                        "at most " + limit.permits() + " scans per "
                                + limit.period().toSeconds() + " s per user")
                .retryAfter((int) Math.max(1, (wait.toMillis() + 999) / 1000)));
    }
}
