package dev.ecoscan.adapter.openai;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A bounded cache of model results keyed by their exact inputs, with single flight: while one
 * caller computes a key, identical callers wait for that result instead of paying for their own
 * model call. Only results worth reusing are kept; failures are not, and a caller that waited on a
 * failed computation makes its own call.
 */
final class ResultCache<K, V> {

    private final AsyncCache<K, V> cache;
    private final boolean enabled;

    ResultCache(boolean enabled, int maximumSize) {
        this.enabled = enabled;
        // Callers compute on their own threads; the cache's own upkeep (eviction) runs on them too,
        // rather than on the shared fork-join pool.
        this.cache = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .executor(Runnable::run)
                .buildAsync();
    }

    /**
     * The cached value for the key, or the one {@code compute} gives. Empty only when the calling
     * thread was interrupted (the scan's deadline) while waiting for another caller's result. The key
     * is built only when the cache is on: a vision key hashes the whole image.
     */
    Optional<V> get(Supplier<K> keyOf, Supplier<V> compute, Predicate<V> worthKeeping) {
        if (!enabled) {
            return Optional.of(compute.get());
        }
        K key = keyOf.get();
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> existing = cache.asMap().putIfAbsent(key, mine);
        if (existing != null) {
            try {
                return Optional.of(existing.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            } catch (ExecutionException e) {
                // The other caller's result was a failure: this caller tries for itself.
                return Optional.of(compute.get());
            }
        }
        try {
            V value = compute.get();
            if (worthKeeping.test(value)) {
                mine.complete(value);
            } else {
                cache.asMap().remove(key, mine);
                mine.completeExceptionally(new NotKept());
            }
            return Optional.of(value);
        } catch (RuntimeException | Error e) {
            cache.asMap().remove(key, mine);
            mine.completeExceptionally(e);
            throw e;
        }
    }

    long size() {
        cache.synchronous().cleanUp();
        return cache.synchronous().estimatedSize();
    }

    /** Marks a computation whose result was not kept. */
    private static final class NotKept extends RuntimeException {
        NotKept() {
            super(null, null, false, false);
        }
    }
}
