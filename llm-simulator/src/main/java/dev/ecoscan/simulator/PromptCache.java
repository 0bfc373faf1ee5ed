package dev.ecoscan.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A provider's prompt cache, as OpenAI bills it: a system prompt seen before is reported as cached,
 * in steps of 128 tokens, once it is at least 1024 tokens long. Only hashes are kept.
 */
final class PromptCache {

    static final int MIN_TOKENS = 1024;
    static final int STEP = 128;
    /** A load test with a unique prompt per request must not grow the set without end; forgetting is what caches do. */
    private static final int MAX_ENTRIES = 10_000;

    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    /** The cached tokens to report for this system text, remembering it for the next request. */
    int cachedTokens(String systemText) {
        int tokens = Tokens.of(systemText);
        if (tokens < MIN_TOKENS) {
            return 0;
        }
        if (seen.size() >= MAX_ENTRIES) {
            seen.clear();
        }
        boolean first = seen.add(hash(systemText));
        return first ? 0 : tokens / STEP * STEP;
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
