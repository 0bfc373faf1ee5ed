package dev.ecoscan.bootstrap.wiring;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayDeque;
import java.util.Deque;

/** What the wiring started (a simulator, later pools and servers), closed in reverse order at the end. */
@Singleton
public final class Resources implements AutoCloseable {

    private final Deque<AutoCloseable> open = new ArrayDeque<>();

    @Inject
    public Resources() {}

    public synchronized <T extends AutoCloseable> T register(T resource) {
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
                    first = new IllegalStateException("closing a resource failed", e);
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
