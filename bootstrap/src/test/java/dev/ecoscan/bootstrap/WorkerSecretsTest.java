package dev.ecoscan.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecoscan.adapter.redis.RedisServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eco-scan worker} names its Redis in its banner, but never the password in the URL. */
class WorkerSecretsTest {

    private static final String PASSWORD = "s3cret-redis-pass";

    @TempDir
    Path dir;

    @Test
    void a_worker_on_a_redis_with_a_password_prints_no_password() throws Exception {
        try (RedisServer redis = RedisServer.startWithPassword(PASSWORD)) {
            String url = redis.url().replace("redis://", "redis://:" + PASSWORD + "@");
            String log = runUntil(url, "taking jobs from");

            assertThat(log)
                    .contains("taking jobs from redis://:[redacted]@127.0.0.1:")
                    .doesNotContain(PASSWORD);
        }
    }

    @Test
    void a_worker_whose_redis_refuses_its_password_stops_without_printing_it() throws Exception {
        try (RedisServer redis = RedisServer.startWithPassword("the-right-password-1")) {
            String url = redis.url().replace("redis://", "redis://:" + PASSWORD + "@");
            String log = runUntil(url, null);

            assertThat(log).contains("WRONGPASS").doesNotContain(PASSWORD);
        }
    }

    /** Runs a worker in a child JVM until its log shows {@code marker} (or it exits), then stops it. */
    private String runUntil(String redisUrl, String marker) throws Exception {
        Path logFile = dir.resolve("worker.log");
        Process worker = WorkerProcess.start(
                redisUrl,
                logFile,
                Map.of(
                        "ECO_SCAN_SIMULATOR_SPEED",
                        "0",
                        "ECO_SCAN_DATA_DIR",
                        dir.resolve("data").toString()));
        try {
            long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < until
                    && worker.isAlive()
                    && (marker == null || !read(logFile).contains(marker))) {
                worker.waitFor(50, TimeUnit.MILLISECONDS);
            }
            if (marker != null) {
                assertThat(read(logFile)).as("the worker's log").contains(marker);
            }
        } finally {
            worker.destroy();
            worker.waitFor(10, TimeUnit.SECONDS);
            worker.destroyForcibly();
        }
        return read(logFile);
    }

    private static String read(Path file) throws java.io.IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }
}
