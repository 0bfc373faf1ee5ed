package dev.ecoscan.bootstrap;

import java.util.concurrent.CountDownLatch;

/** Keeps a long-running command alive until SIGTERM or Ctrl-C, then runs its orderly stop. */
final class UntilSignal {

    private UntilSignal() {}

    /** Blocks until the JVM is asked to stop; {@code stop} runs in the shutdown hook, before exit. */
    static void await(String name, Runnable stop) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name(name).unstarted(() -> {
            try {
                stop.run();
            } finally {
                stopped.countDown();
            }
        }));
        stopped.await();
    }
}
