package dev.ecoscan.adapter.http;

import dev.ecoscan.domain.scan.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The access tokens this process has already verified, with their user and expiry, so a client that
 * sends the same cookie on every scan pays for the signature check and the claim parsing once, not on
 * every request (they were about a tenth of the service's CPU per scan).
 *
 * <p>Only a token string that passed full verification is remembered, keyed by the exact string, so
 * nothing unverified is ever vouched for. A remembered token is answered only before its {@code exp};
 * from then on it goes through the verifier again, which gives the expired answer (with its leeway)
 * exactly as before. The secret is fixed for the life of the process, so a verdict cannot go stale
 * any other way. Bounded: when full it forgets everything and verifies afresh.
 */
final class VerifiedTokens {

    private record Verified(UserId user, Instant expiresAt) {}

    private final ConcurrentMap<String, Verified> verified = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int capacity;

    VerifiedTokens(Clock clock, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, was " + capacity);
        }
        this.clock = clock;
        this.capacity = capacity;
    }

    /** The user of a token verified before, while it has not expired. */
    Optional<UserId> userOf(String token) {
        Verified known = verified.get(token);
        if (known == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(known.expiresAt())) {
            verified.remove(token, known);
            return Optional.empty();
        }
        return Optional.of(known.user());
    }

    /** Remembers a token the verifier has just accepted. */
    void remember(String token, UserId user, Instant expiresAt) {
        if (verified.size() >= capacity) {
            verified.clear();
        }
        verified.put(token, new Verified(user, expiresAt));
    }

    int size() {
        return verified.size();
    }
}
