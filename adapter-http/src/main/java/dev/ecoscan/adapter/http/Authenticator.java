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
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/** Finds the user of a request, or refuses it with 401. The user is always a UUID. */
final class Authenticator {

    static final String COOKIE = "s_access";
    static final String GATEWAY_HEADER = "x-user-id";

    private final AuthSettings settings;
    private final JWTVerifier verifier;

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
    }

    UserId authenticate(ServerRequest request) {
        return switch (settings.mode()) {
            case GATEWAY -> request.headers().first(HeaderNames.create(GATEWAY_HEADER))
                    .map(Authenticator::uuid)
                    .orElseThrow(() -> new ProblemException(ProblemCode.UNAUTHENTICATED,
                            "the gateway did not send an " + GATEWAY_HEADER + " header"));
            case JWT -> verify(cookie(request).orElseThrow(() -> new ProblemException(ProblemCode.UNAUTHENTICATED,
                    "no " + COOKIE + " cookie")));
        };
    }

    private UserId verify(String token) {
        DecodedJWT jwt;
        try {
            jwt = verifier.verify(token);
        } catch (TokenExpiredException e) {
            throw new ProblemException(ProblemCode.TOKEN_EXPIRED, "the access token has expired");
        } catch (JWTVerificationException e) {
            // The reason goes to the client: it names the failed check, never the secret.
            throw new ProblemException(ProblemCode.UNAUTHENTICATED, "the access token is not valid: " + e.getMessage());
        }
        return uuid(jwt.getSubject());
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
        for (String header : request.headers().all(HeaderNames.COOKIE, java.util.List::of)) {
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
