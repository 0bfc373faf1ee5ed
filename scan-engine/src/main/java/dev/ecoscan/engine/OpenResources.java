package dev.ecoscan.engine;

import java.util.ArrayDeque;
import java.util.Deque;

/** What the engine opened (pools, clients, metrics), closed in reverse order with it. */
final class OpenResources implements AutoCloseable {

    private final Deque<AutoCloseable> open = new ArrayDeque<>();

    synchronized <T extends AutoCloseable> T register(T resource) {
        open.push(resource);
        return resource;
    }

    @Override
    public synchronized void close() {
        RuntimeException first = null;
        while (!open.isEmpty()) {
            try {
                open.pop().close();
            } catch (Exception e) {
                if (first == null) {
                    first = new IllegalStateException("closing a part of the scan engine failed", e);
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
