package dev.ecoscan.adapter.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.ecoscan.domain.scan.UserId;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Optional;

/**
 * A token bucket per user. Buckets of users idle for a whole period are forgotten (a full bucket
 * is what a new one would be), and the map is bounded, so many users cost bounded memory.
 */
final class UserRateLimiter {

    private static final long MAX_USERS = 1_000_000;

    private final RateLimit limit;
    private final Cache<UserId, Bucket> buckets;

    UserRateLimiter(RateLimit limit) {
        this.limit = limit;
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(limit.period())
                .maximumSize(MAX_USERS)
                .executor(Runnable::run)
                .build();
    }

    /** Empty when the user may scan now, else how long to wait. */
    Optional<Duration> refusal(UserId user) {
        Bucket bucket = buckets.get(
                user,
                id -> Bucket.builder()
                        .addLimit(bandwidth ->
                                bandwidth.capacity(limit.permits()).refillGreedy(limit.permits(), limit.period()))
                        .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }
}
