package dev.ecoscan.adapter.redis;

import dev.ecoscan.domain.port.JobRecorder;
import io.lettuce.core.Consumer;
import io.lettuce.core.RedisException;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XClaimArgs;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Keeps this worker's claims and takes over those of dead workers: every {@code reclaimEvery} it
 * first renews the claim on the entries this worker runs ({@code XCLAIM … JUSTID} resets their idle
 * time: a heartbeat), then takes the entries idle for {@code reclaimAfter} ({@code XAUTOCLAIM}) and
 * runs each on a thread of its own. So only entries of workers that stopped heartbeating (dead, or
 * cut off from Redis) are taken over, even when a scan takes longer than {@code reclaimAfter}.
 */
final class ClaimKeeper {

    private final RedisJobStore store;
    private final Consumer<String> consumer;
    private final DeliveredJobs deliveries;
    private final RedisWorkerSettings settings;
    private final JobRecorder recorder;
    private final LongAdder redeliveries = new LongAdder();
    /** Threads running reclaimed jobs, to interrupt on close. */
    private final Set<Thread> reclaimers = ConcurrentHashMap.newKeySet();

    private volatile Thread keeper;

    ClaimKeeper(
            RedisJobStore store,
            Consumer<String> consumer,
            DeliveredJobs deliveries,
            RedisWorkerSettings settings,
            JobRecorder recorder) {
        this.store = store;
        this.consumer = consumer;
        this.deliveries = deliveries;
        this.settings = settings;
        this.recorder = recorder;
    }

    void start() {
        keeper = Thread.ofVirtual().name("redis-job-reclaimer").start(this::keep);
    }

    private void keep() {
        while (deliveries.taking()) {
            Pause.of(settings.reclaimEvery());
            if (!deliveries.taking()) {
                return;
            }
            try {
                heartbeat();
            } catch (RedisException e) {
                // Missed once, the claim is renewed next round, well within reclaimAfter.
            }
            try {
                reclaim();
            } catch (RedisException e) {
                // Redis is away; the next round tries again.
            }
        }
    }

    /** Resets the idle time of the entries this worker is running, so no other worker reclaims a live job. */
    private void heartbeat() {
        String[] ids = deliveries.runningEntries();
        if (ids.length > 0) {
            store.commands().xclaim(store.keys().stream(), consumer, XClaimArgs.Builder.justid(), ids);
        }
    }

    private void reclaim() {
        List<StreamMessage<String, String>> claimed = store.commands()
                .xautoclaim(
                        store.keys().stream(),
                        XAutoClaimArgs.Builder.xautoclaim(consumer, settings.reclaimAfter(), "0-0")
                                .count(10))
                .getMessages();
        for (StreamMessage<String, String> message : claimed) {
            if (deliveries.runs(message.getId())) {
                // Its own job, claimed back after a missed heartbeat: still running here.
                continue;
            }
            redeliveries.increment();
            recorder.redelivered();
            Thread.ofVirtual().name("redis-job-reclaimed").start(() -> {
                reclaimers.add(Thread.currentThread());
                try {
                    deliveries.run(message);
                } finally {
                    reclaimers.remove(Thread.currentThread());
                }
            });
        }
    }

    /** Jobs this worker took over from another (or from an earlier life of itself). */
    long redeliveries() {
        return redeliveries.sum();
    }

    /** The keeper's loop and the threads running reclaimed jobs, to interrupt and wait for on close. */
    List<Thread> threads() {
        List<Thread> threads = new ArrayList<>(reclaimers);
        if (keeper != null) {
            threads.add(keeper);
        }
        return threads;
    }
}
