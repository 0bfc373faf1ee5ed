package dev.ecoscan.adapter.character;

import dev.ecoscan.support.characters.CharacterServiceRoutes;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the remote character service is and how patiently to call it.
 *
 * @param baseUrl        http(s) root of the service, e.g. {@code https://characters.internal}; the routes of
 *                       {@link CharacterServiceRoutes} are appended to it
 * @param serviceToken   sent as {@code Authorization: Bearer …}; never printed, not even by {@link #toString()}
 * @param connectTimeout how long one attempt may take to open a connection
 * @param readTimeout    how long one attempt may take from sending to the last byte of the reply
 * @param maxRetries     extra attempts after a connect error, a timeout or a 5xx (never after a 4xx)
 * @param backoff        the wait before the first retry; it doubles for each further retry, with jitter
 */
public record RemoteCharacterService(
        URI baseUrl,
        String serviceToken,
        Duration connectTimeout,
        Duration readTimeout,
        int maxRetries,
        Duration backoff) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(1);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(2);
    public static final int DEFAULT_MAX_RETRIES = 2;
    public static final Duration DEFAULT_BACKOFF = Duration.ofMillis(100);

    private static final int MAX_RETRIES = 10;
    private static final Duration MAX_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
    private static final int MAX_TOKEN_LENGTH = 4096;

    public RemoteCharacterService {
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (!"http".equals(baseUrl.getScheme()) && !"https".equals(baseUrl.getScheme())) {
            throw new IllegalArgumentException(
                    "the character service URL must be http or https, but was '" + baseUrl.getScheme() + "'");
        }
        if (baseUrl.getHost() == null) {
            throw new IllegalArgumentException("the character service URL must name a host");
        }
        // Credentials in a URL end up in logs and error messages; the token has its own header.
        if (baseUrl.getRawUserInfo() != null || baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
            throw new IllegalArgumentException("the character service URL must have no user info, query or fragment");
        }
        requireToken(serviceToken);
        requireBetween(connectTimeout, "connect timeout", MAX_TIMEOUT);
        requireBetween(readTimeout, "read timeout", MAX_TIMEOUT);
        if (maxRetries < 0 || maxRetries > MAX_RETRIES) {
            throw new IllegalArgumentException(
                    "retries must be between 0 and " + MAX_RETRIES + ", but was " + maxRetries);
        }
        Objects.requireNonNull(backoff, "backoff");
        if (backoff.isNegative() || backoff.compareTo(MAX_BACKOFF) > 0) {
            throw new IllegalArgumentException("backoff must be between 0 and " + MAX_BACKOFF.toSeconds()
                    + " s, but was " + backoff.toMillis() + " ms");
        }
    }

    /** The service at {@code baseUrl} with the default timeouts (1 s connect, 2 s read), 2 retries and 100 ms backoff. */
    public static RemoteCharacterService withDefaults(URI baseUrl, String serviceToken) {
        return new RemoteCharacterService(
                baseUrl,
                serviceToken,
                DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_READ_TIMEOUT,
                DEFAULT_MAX_RETRIES,
                DEFAULT_BACKOFF);
    }

    /** The absolute URI of one of the service's routes. */
    URI resolve(String route) {
        String base = baseUrl.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + route);
    }

    /** Says everything but the token, so that settings can be printed and logged safely. */
    @Override
    public String toString() {
        return "RemoteCharacterService[baseUrl=" + baseUrl + ", serviceToken=(hidden), connectTimeout="
                + connectTimeout + ", readTimeout=" + readTimeout + ", maxRetries=" + maxRetries + ", backoff="
                + backoff + "]";
    }

    private static void requireToken(String token) {
        if (token == null || token.isEmpty()) {
            throw new IllegalArgumentException("a service token is needed to call the character service");
        }
        // Visible ASCII only, so the header can always be built (and no message ever has to quote it).
        if (token.length() > MAX_TOKEN_LENGTH || !token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("the service token must be at most " + MAX_TOKEN_LENGTH
                    + " visible ASCII characters without spaces");
        }
    }

    private static void requireBetween(Duration value, String what, Duration max) {
        Objects.requireNonNull(value, what);
        if (!value.isPositive() || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(what + " must be positive and at most " + max.toMinutes()
                    + " min, but was " + value.toMillis() + " ms");
        }
    }
}
