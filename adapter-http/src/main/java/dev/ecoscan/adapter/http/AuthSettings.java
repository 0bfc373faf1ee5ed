package dev.ecoscan.adapter.http;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * How users are authenticated.
 *
 * @param mode     {@code JWT}: an HS256 token in the cookie {@code s_access}; {@code GATEWAY}: trust
 *                 the {@code x-user-id} header a gateway sets after its own authentication, on a
 *                 request that carries the gateway's shared secret in {@code x-gateway-secret}
 * @param secret   the HS256 secret (JWT mode) or the gateway's shared secret (gateway mode)
 * @param issuer   the expected {@code iss}
 * @param audience the expected {@code aud}
 */
public record AuthSettings(Mode mode, String secret, String issuer, String audience) {

    /** HS256 needs a key at least as long as its hash (RFC 7518 §3.2). */
    static final int MIN_SECRET_BYTES = 32;
    /** A shared secret short enough to guess is no secret. */
    static final int MIN_GATEWAY_SECRET_CHARS = 16;

    public enum Mode {
        JWT,
        GATEWAY
    }

    @Override
    public String toString() {
        // Never print the secret.
        return "AuthSettings[" + mode + ", issuer=" + issuer + ", audience=" + audience + "]";
    }

    public AuthSettings {
        Objects.requireNonNull(mode, "mode");
        if (mode == Mode.JWT) {
            if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
                throw new IllegalArgumentException("the JWT secret must be at least " + MIN_SECRET_BYTES + " bytes");
            }
            if (issuer == null || issuer.isBlank() || audience == null || audience.isBlank()) {
                throw new IllegalArgumentException("JWT mode needs an issuer and an audience");
            }
        } else if (secret == null || secret.strip().length() < MIN_GATEWAY_SECRET_CHARS) {
            throw new IllegalArgumentException(
                    "gateway mode needs a shared secret of at least " + MIN_GATEWAY_SECRET_CHARS + " characters");
        }
    }
}
