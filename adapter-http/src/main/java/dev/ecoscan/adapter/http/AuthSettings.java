package dev.ecoscan.adapter.http;

import java.util.Objects;

/**
 * How users are authenticated.
 *
 * @param mode     {@code JWT}: an HS256 token in the cookie {@code s_access}; {@code GATEWAY}: trust
 *                 the {@code x-user-id} header a gateway sets after its own authentication
 * @param secret   the HS256 secret (JWT mode)
 * @param issuer   the expected {@code iss}
 * @param audience the expected {@code aud}
 */
public record AuthSettings(Mode mode, String secret, String issuer, String audience) {

    /** HS256 needs a key at least as long as its hash (RFC 7518 §3.2). */
    static final int MIN_SECRET_BYTES = 32;

    public enum Mode { JWT, GATEWAY }

    public AuthSettings {
        Objects.requireNonNull(mode, "mode");
        if (mode == Mode.JWT) {
            if (secret == null || secret.getBytes(java.nio.charset.StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
                throw new IllegalArgumentException("the JWT secret must be at least " + MIN_SECRET_BYTES + " bytes");
            }
            if (issuer == null || issuer.isBlank() || audience == null || audience.isBlank()) {
                throw new IllegalArgumentException("JWT mode needs an issuer and an audience");
            }
        }
    }
}
