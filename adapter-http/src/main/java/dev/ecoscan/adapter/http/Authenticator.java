package dev.ecoscan.adapter.http;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.exceptions.TokenExpiredException;
import com.auth0.jwt.interfaces.DecodedJWT;
import dev.ecoscan.domain.scan.UserId;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Finds the user of a request, or refuses it with 401. The user is always a UUID. */
final class Authenticator {

    static final String COOKIE = "s_access";
    static final String GATEWAY_HEADER = "x-user-id";
    static final String GATEWAY_SECRET_HEADER = "x-gateway-secret";

    /** Bounds the memory of remembered tokens (~0.3 KB each); past it they are verified afresh. */
    static final int REMEMBERED_TOKENS = 10_000;

    private final AuthSettings settings;
    private final JWTVerifier verifier;
    private final VerifiedTokens verified;
    private final byte[] gatewaySecret;

    Authenticator(AuthSettings settings, Clock clock) {
        this.settings = settings;
        this.verifier = settings.mode() == AuthSettings.Mode.JWT
                ? ((JWTVerifier.BaseVerification) JWT.require(Algorithm.HMAC256(settings.secret()))
                                .withIssuer(settings.issuer())
                                .withAudience(settings.audience())
                                .withClaimPresence("sub")
                                .withClaimPresence("exp")
                                .acceptLeeway(5))
                        .build(clock)
                : null;
        this.verified = new VerifiedTokens(clock, REMEMBERED_TOKENS);
        this.gatewaySecret = settings.mode() == AuthSettings.Mode.GATEWAY
                ? sha256(settings.secret().strip())
                : null;
    }

    UserId authenticate(ServerRequest request) {
        return switch (settings.mode()) {
            case GATEWAY -> gatewayUser(request);
            case JWT ->
                verify(cookie(request)
                        .orElseThrow(
                                () -> new ProblemException(ProblemCode.UNAUTHENTICATED, "no " + COOKIE + " cookie")));
        };
    }

    /**
     * The user a gateway names, on a request that proves it came through the gateway: exactly one
     * {@code x-gateway-secret} equal to the shared secret (compared in constant time) and exactly one
     * {@code x-user-id}, since with several a client could smuggle its own past a gateway that appends.
     */
    private UserId gatewayUser(ServerRequest request) {
        List<String> secrets = request.headers().all(HeaderNames.create(GATEWAY_SECRET_HEADER), List::of);
        // Digests of equal length, so the comparison takes the same time whatever was sent.
        if (secrets.size() != 1
                || !MessageDigest.isEqual(
                        gatewaySecret, sha256(secrets.getFirst().strip()))) {
            throw new ProblemException(ProblemCode.UNAUTHENTICATED, "the request did not come through the gateway");
        }
        List<String> users = request.headers().all(HeaderNames.create(GATEWAY_HEADER), List::of);
        if (users.size() != 1) {
            throw new ProblemException(
                    ProblemCode.UNAUTHENTICATED,
                    users.isEmpty()
                            ? "the gateway did not send an " + GATEWAY_HEADER + " header"
                            : "the request carries more than one " + GATEWAY_HEADER + " header");
        }
        return uuid(users.getFirst());
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The user of a JWT-mode access token, or a 401 problem saying why not. */
    UserId verify(String token) {
        Optional<UserId> known = verified.userOf(token);
        if (known.isPresent()) {
            return known.get();
        }
        DecodedJWT jwt;
        try {
            jwt = verifier.verify(token);
        } catch (TokenExpiredException e) {
            throw new ProblemException(ProblemCode.TOKEN_EXPIRED, "the access token has expired");
        } catch (JWTVerificationException e) {
            // The reason goes to the client: it names the failed check, never the secret.
            throw new ProblemException(ProblemCode.UNAUTHENTICATED, "the access token is not valid: " + e.getMessage());
        }
        UserId user = uuid(jwt.getSubject());
        // exp is a required claim, so the verifier has checked it is there.
        verified.remember(token, user, jwt.getExpiresAtAsInstant());
        return user;
    }

    private static UserId uuid(String value) {
        try {
            return new UserId(UUID.fromString(value.strip()).toString());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ProblemException(ProblemCode.UNAUTHENTICATED, "the user id must be a UUID");
        }
    }

    /** The {@code s_access} cookie of any {@code Cookie} header. */
    static Optional<String> cookie(ServerRequest request) {
        for (String header : request.headers().all(HeaderNames.COOKIE, List::of)) {
            for (String pair : header.split(";")) {
                int equals = pair.indexOf('=');
                if (equals > 0 && pair.substring(0, equals).strip().equals(COOKIE)) {
                    String value = pair.substring(equals + 1).strip();
                    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                        value = value.substring(1, value.length() - 1);
                    }
                    return value.isEmpty() ? Optional.empty() : Optional.of(value);
                }
            }
        }
        return Optional.empty();
    }
}
