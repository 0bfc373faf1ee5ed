package dev.ecoscan.adapter.http;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Dev mode's page to try a scan: {@code GET /} and its script and style sheet, static files from the
 * classpath, served to loopback clients only and never in prod mode (no endpoints at all there). Serving the page signs its
 * visitor in: an {@code s_access} cookie with a short-lived dev token (HttpOnly, so no script reads
 * it; SameSite=Strict and Path=/api, so it goes with the page's own API calls and nowhere else).
 * Every visitor is the same user, one per process, so the characters they earn add up across reloads.
 * The page is not in the OpenAPI document: like the sample images, a production instance has none.
 */
final class TryPageRoutes extends ApiFeature {

    static final Route PAGE = Route.get("/");
    static final Route ASSET = Route.get("/try/{file}");
    /** As long as the banner's dev token: a page left open an hour is reloaded for a new one. */
    static final Duration TOKEN_TTL = Duration.ofHours(1);
    /** Where the page's HTML lists the samples; each name is a plain {@code [a-z0-9-]+.png}. */
    private static final String SAMPLES_MARK = "<!--samples-->";
    /** Only the page's own files (data: for its empty icon), no inline script or style: no stray string can run. */
    private static final String POLICY =
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:;"
                    + " connect-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'";

    private static final Map<String, Asset> ASSETS = Map.of(
            "page.js", new Asset("text/javascript; charset=utf-8", OperationRoutes.resource("try/page.js")),
            "page.css", new Asset("text/css; charset=utf-8", OperationRoutes.resource("try/page.css")));

    private final boolean served;
    private final AuthSettings auth;
    private final Optional<Path> samples;
    private final Clock clock;
    private final UUID visitor = UUID.randomUUID();
    private final String html = new String(OperationRoutes.resource("try/index.html"), StandardCharsets.UTF_8);

    TryPageRoutes(RouteGuard guard, HttpSettings settings, Clock clock) {
        super(guard);
        this.served = settings.tryPage();
        this.auth = settings.auth();
        this.samples = settings.samples();
        this.clock = clock;
    }

    /** None in prod mode: there {@code /} is a path like any unknown one, answered 404. */
    @Override
    List<Endpoint> endpoints() {
        if (!served) {
            return List.of();
        }
        return List.of(Endpoint.of(PAGE, this::page), Endpoint.of(ASSET, TryPageRoutes::asset));
    }

    private void page(ServerRequest req, ServerResponse res) {
        LoopbackClients.require(req, "the try-it page and its dev token");
        if (auth.mode() == AuthSettings.Mode.JWT) {
            // Gateway mode has no tokens to mint: the page's calls then need the gateway in front.
            String token = DevTokens.mint(auth, visitor, TOKEN_TTL, clock);
            res.header(
                    HeaderNames.SET_COOKIE,
                    Authenticator.COOKIE + "=" + token + "; Path=/api; Max-Age=" + TOKEN_TTL.toSeconds()
                            + "; HttpOnly; SameSite=Strict");
        }
        String options = samples.map(SampleImages::names).orElse(List.of()).stream()
                .map(name -> "<option value=\"" + name + "\">" + name.substring(0, name.length() - 4) + "</option>")
                .collect(Collectors.joining("\n"));
        // The cookie is new on each load, so the page is never kept by a cache.
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        send(
                res,
                "text/html; charset=utf-8",
                html.replace(SAMPLES_MARK, options).getBytes(StandardCharsets.UTF_8));
    }

    private static void asset(ServerRequest req, ServerResponse res) {
        LoopbackClients.require(req, "the try-it page's files");
        Asset asset = ASSETS.get(req.path().pathParameters().get("file"));
        if (asset == null) {
            throw new ProblemException(ProblemCode.NOT_FOUND, "no such file of the try-it page");
        }
        res.header(HeaderNames.CACHE_CONTROL, "no-cache");
        send(res, asset.type(), asset.bytes());
    }

    private static void send(ServerResponse res, String type, byte[] body) {
        res.header(HeaderNames.CONTENT_TYPE, type);
        res.header(HeaderNames.create("Content-Security-Policy"), POLICY);
        res.header(HeaderNames.create("X-Content-Type-Options"), "nosniff");
        res.header(HeaderNames.create("Referrer-Policy"), "no-referrer");
        res.send(body);
    }

    /** One of the page's files: its media type and bytes (never changed once read). */
    private record Asset(String type, byte[] bytes) {}
}
