package dev.ecoscan.adapter.http;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

/** Dev mode's credentials: a random secret per process and a short-lived token for the banner's curl. */
public final class DevTokens {

    public static final String DEV_ISSUER = "eco-scan-dev";
    public static final String DEV_AUDIENCE = "eco-scan";

    private DevTokens() {}

    /** A random HS256 secret; it dies with the process, and so do the tokens signed with it. */
    public static String randomSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A token for {@code user}, valid for {@code ttl}. */
    public static String mint(AuthSettings settings, UUID user, Duration ttl, Clock clock) {
        return JWT.create()
                .withIssuer(settings.issuer())
                .withAudience(settings.audience())
                .withSubject(user.toString())
                .withIssuedAt(clock.instant())
                .withExpiresAt(clock.instant().plus(ttl))
                .sign(Algorithm.HMAC256(settings.secret()));
    }
}
