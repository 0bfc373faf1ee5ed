package dev.ecoscan.adapter.http;

import dev.ecoscan.domain.port.ImageHold;
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
    private final MultipartBodyReader uploads;
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
            MultipartBodyReader uploads,
            ImageUrlCheck urls,
            BooleanSupplier shuttingDown,
            Clock clock) {
        this.authenticator = authenticator;
        this.bodies = bodies;
        this.uploads = uploads;
        this.urls = urls;
        this.rate = settings.rateLimit();
        this.rateLimiter = settings.rateLimit().map(UserRateLimiter::new);
        this.maxUserInput = settings.maxUserInput();
        this.deadline = settings.deadline();
        this.shuttingDown = shuttingDown;
        this.clock = clock;
    }

    /**
     * The scan this request asks for, with a new task id registered on the request for its log lines.
     * The body is JSON with an {@code image_url}, or {@code multipart/form-data} with the photo itself;
     * an uploaded photo comes with its hold in the image budget, which the caller closes when the scan
     * (or the job's submission) is done with it.
     */
    ScanSubmission read(ServerRequest req) {
        UserId user = authenticator.authenticate(req);
        rateLimiter.flatMap(limiter -> limiter.refusal(user)).ifPresent(this::refuse);
        if (!MultipartBodyReader.isMultipart(req)) {
            if (!JsonBodyReader.isJson(req)) {
                throw new ProblemException(
                        ProblemCode.UNSUPPORTED_MEDIA_TYPE,
                        "send application/json with an image_url, or multipart/form-data with the image, not '"
                                + JsonBodyReader.type(req) + "'");
            }
            ClassifyRequest body = ClassifyRequest.parse(bodies.read(req), maxUserInput);
            return new ScanSubmission(request(req, user, image(body.imageUrl()), body.userInput()), ImageHold.NONE);
        }
        UploadedImage upload = uploads.read(req);
        try {
            Optional<String> question =
                    upload.question().flatMap(sent -> ClassifyRequest.question(sent, maxUserInput, "question"));
            return new ScanSubmission(request(req, user, upload.image(), question), upload.hold());
        } catch (RuntimeException e) {
            upload.hold().close();
            throw e;
        }
    }

    private ScanRequest request(ServerRequest req, UserId user, ImageReference image, Optional<String> question) {
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
        return new ScanRequest(task, image, question, user, clock.instant().plus(deadline), trace);
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
