package dev.ecoscan.bootstrap.config;

import dev.ecoscan.adapter.http.RateLimit;
import java.time.Duration;
import java.util.Optional;

/**
 * The service's bounds: the rate limit, scans and connections in flight, the deadline, the client
 * timeouts and the event streams. The bounds on scans and connections default to what the
 * process's open-file limit allows ({@link InFlightSizing}).
 *
 * @param rateLimit per-user scans; empty when off
 */
public record LimitSettings(
        Optional<RateLimit> rateLimit,
        int maxInFlight,
        Duration deadline,
        int maxConnections,
        Duration idleTimeout,
        Duration requestReadTimeout,
        int ssePerUser,
        int sseMax) {

    /** The rate limit of prod mode; dev has none unless set. */
    static final String PROD_RATE_LIMIT = "60/min";

    static final String OFF = "off";

    static final Setting<Optional<RateLimit>> RATE_LIMIT = Setting.of(
                    "ECO_SCAN_RATE_LIMIT",
                    "per-user scans (token bucket), e.g. `60/min`, `5/s`, `1000/h`, or `off`; past it 429 with"
                            + " `Retry-After`",
                    Format.parsing("N/s, N/min, N/h or off", text -> {
                        if (text.equals(OFF)) {
                            return Optional.<RateLimit>empty();
                        }
                        if (!text.matches("[1-9]\\d{0,8}/(s|min|h)")) {
                            throw new IllegalArgumentException(text);
                        }
                        return Optional.of(RateLimit.parse(text));
                    }))
            .defaultIs("`" + PROD_RATE_LIMIT + "` in prod, `" + OFF + "` in dev");
    static final Setting<Integer> MAX_IN_FLIGHT = Setting.of(
                    "ECO_SCAN_MAX_IN_FLIGHT", "bound on scans in flight; one more gets 503 at once", Formats.POSITIVE)
            .defaultIs("(open-file limit − 1,000) / 3 with the built-in simulator, / 2 with a provider");
    static final Setting<Duration> DEADLINE = Setting.of(
                    "ECO_SCAN_DEADLINE", "per-scan deadline, e.g. `55s`, `2m`, `1500ms`", Formats.DURATION_TEXT)
            .defaultsTo("55s");
    static final Setting<Integer> MAX_CONNECTIONS = Setting.of(
                    "ECO_SCAN_MAX_CONNECTIONS",
                    "bound on open client connections; past it new ones wait in the listen backlog until one closes."
                            + " Must be above `ECO_SCAN_MAX_IN_FLIGHT`, so that the next client is told 503",
                    Formats.POSITIVE)
            .defaultIs("twice the in-flight bound + 500 (10,000 at least), within what the open-file limit leaves"
                    + " beside the scans' outbound sockets");
    static final Setting<Duration> IDLE_TIMEOUT = Setting.of(
                    "ECO_SCAN_IDLE_TIMEOUT",
                    "how long a kept-alive connection may wait for its next request (it also bounds a slow request"
                            + " line); behind a load balancer set it above the balancer's idle timeout",
                    Formats.DURATION_TEXT)
            .defaultsTo("75s");
    static final Setting<Duration> REQUEST_READ_TIMEOUT = Setting.of(
                    "ECO_SCAN_REQUEST_READ_TIMEOUT",
                    "how long a client may take to send a request's headers and body once its request line is in;"
                            + " past it 408 `request_timeout` and the connection closes",
                    Formats.DURATION_TEXT)
            .defaultsTo("10s");
    static final Setting<Integer> SSE_PER_USER = Setting.of(
                    "ECO_SCAN_SSE_PER_USER",
                    "event streams (`GET /api/v1/scan/{job_id}/events`) one user may have open at once; past it 429"
                            + " `too_many_streams` with `Retry-After`",
                    Formats.POSITIVE)
            .defaultsTo("5");
    static final Setting<Integer> SSE_MAX = Setting.of(
                    "ECO_SCAN_SSE_MAX",
                    "event streams this instance may have open in all; past it 503 `streams_full` at once",
                    Formats.POSITIVE)
            .defaultIs("the bound on scans in flight");

    static LimitSettings from(SettingValues values, boolean dev, boolean simulated) {
        long openFiles = InFlightSizing.openFileLimit();
        int inFlight =
                values.optional(MAX_IN_FLIGHT).orElseGet(() -> InFlightSizing.fromOpenFileLimit(openFiles, simulated));
        int connections = values.optional(MAX_CONNECTIONS)
                .orElseGet(() -> InFlightSizing.maxConnections(openFiles, inFlight, simulated));
        if (connections <= inFlight) {
            throw new SettingsException("ECO_SCAN_MAX_CONNECTIONS (" + connections + ") must be above the bound on"
                    + " scans in flight (" + inFlight + "): each scan holds its connection, and the next client"
                    + " must still reach us to be told 503");
        }
        return new LimitSettings(
                values.optional(RATE_LIMIT)
                        .orElseGet(() -> dev
                                ? Optional.empty()
                                : RATE_LIMIT.format().read(PROD_RATE_LIMIT).orElseThrow()),
                inFlight,
                values.get(DEADLINE),
                connections,
                values.get(IDLE_TIMEOUT),
                values.get(REQUEST_READ_TIMEOUT),
                values.get(SSE_PER_USER),
                // An asynchronous scan and its stream hold the sockets one synchronous scan does.
                values.optional(SSE_MAX).orElse(inFlight));
    }
}
