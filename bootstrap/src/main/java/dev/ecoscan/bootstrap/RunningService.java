package dev.ecoscan.bootstrap;

import dev.ecoscan.adapter.http.AuthSettings;
import dev.ecoscan.adapter.http.DevTokens;
import dev.ecoscan.adapter.http.HttpSettings;
import dev.ecoscan.adapter.http.ScanApiServer;
import dev.ecoscan.bootstrap.config.ServiceSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The started HTTP service and the banner a person needs to try it (in dev mode, a short-lived token
 * and a working curl).
 */
record RunningService(ScanApiServer server, String baseUrl, Optional<String> devToken, List<String> banner) {

    /** The banner of a started server, with a dev token when dev mode signs its own. */
    static RunningService of(ScanApiServer server, HttpSettings http, ServiceSettings service, Clock clock) {
        boolean dev = service.dev();
        String host = http.host().equals("0.0.0.0") ? "127.0.0.1" : http.host();
        String base = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.port();
        List<String> banner = new ArrayList<>();
        banner.add(
                "eco-scan serving on " + base + " (" + (dev ? "dev" : "prod") + " mode, at most " + http.maxInFlight()
                        + " scans in flight, deadline " + http.deadline().toSeconds() + " s)");
        banner.add("  POST " + base + ScanApiServer.CLASSIFY + "   GET " + base + ScanApiServer.CATEGORIES);
        banner.add("  GET  " + base + ScanApiServer.METRICS + "   " + base + ScanApiServer.OPENAPI + "   " + base
                + ScanApiServer.LIVE + "   " + base + ScanApiServer.READY);
        if (dev && !service.loopbackListener()) {
            banner.add("WARNING: dev mode on " + http.host() + ", which others can reach (ECO_SCAN_MODE=dev was set):"
                    + " the built-in simulator if no provider is set, dev tokens, loopback image URLs and no rate limit."
                    + " Unset ECO_SCAN_MODE for prod, the default on a public listener.");
        }
        Optional<String> token = Optional.empty();
        if (dev && http.auth().mode() == AuthSettings.Mode.JWT) {
            token = Optional.of(DevTokens.mint(http.auth(), UUID.randomUUID(), Duration.ofHours(1), clock));
            String image =
                    http.samples().isPresent() ? base + "/samples/milk-carton.png" : "https://example.com/photo.png";
            banner.add("Try it in a browser: " + base + ScanApiServer.TRY_PAGE);
            banner.add("Dev token (valid 1 hour, this process only). Try:");
            banner.add(
                    "  curl -s " + base + ScanApiServer.CLASSIFY + " -H 'Content-Type: application/json' -b 's_access="
                            + token.get() + "' -d '{\"image_url\":\"" + image + "\",\"user_input\":\"\"}'");
            // The same scan with the photo itself, from the folder this process serves its samples from.
            String photo = http.samples()
                    .map(folder -> folder.resolve("milk-carton.png").normalize().toString())
                    .orElse("photo.jpg");
            banner.add("  or upload it: curl -s " + base + ScanApiServer.CLASSIFY + " -b 's_access=" + token.get()
                    + "' -F image=@" + photo);
        }
        return new RunningService(server, base, token, List.copyOf(banner));
    }
}
