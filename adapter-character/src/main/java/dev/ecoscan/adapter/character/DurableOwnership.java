package dev.ecoscan.adapter.character;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The (user, character) pairs this process knows are on disk in the embedded store: its own grants,
 * once their commit returned ({@code WRITE_DELAY=0} wrote them first), and rows it found there once a
 * {@code CHECKPOINT} had made sure. eco-scan never deletes an owned character, and no other process
 * opens the embedded store, so a pair once known stays owned: "already owned" for it needs neither a
 * statement nor a checkpoint, which on the reference load (one user scanning the same item) was the
 * largest cost of a scan. Bounded: when full it forgets every pair, and the next answer for each pays
 * one checkpoint again.
 */
final class DurableOwnership {

    static final int CAPACITY = 100_000;

    private final Set<Pair> pairs = ConcurrentHashMap.newKeySet();

    boolean contains(String user, String character) {
        return pairs.contains(new Pair(user, character));
    }

    /** Call only once the pair's row is known to be on disk. */
    void add(String user, String character) {
        if (pairs.size() >= CAPACITY) {
            pairs.clear();
        }
        pairs.add(new Pair(user, character));
    }

    int size() {
        return pairs.size();
    }

    private record Pair(String user, String character) {}
}
