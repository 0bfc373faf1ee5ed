package dev.ecoscan.bootstrap;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code eco-scan worker} in a child JVM on the test's classpath, as an operator starts it: on the
 * Redis queue, any free metrics port, no settings file and none of the developer's own settings.
 */
final class WorkerProcess {

    private WorkerProcess() {}

    /** Starts a worker on {@code redisUrl} with {@code settings} on top, its output in {@code log}. */
    static Process start(String redisUrl, Path log, Map<String, String> settings) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(
                        java, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "worker")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .directory(new File(System.getProperty("user.dir")));
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(key -> key.startsWith("ECO_SCAN_") || key.startsWith("OPENAI_"));
        env.putAll(Map.of(
                "ECO_SCAN_CONFIG",
                "/dev/null",
                "ECO_SCAN_QUEUE",
                "redis",
                "ECO_SCAN_REDIS_URL",
                redisUrl,
                "ECO_SCAN_PORT",
                "0"));
        env.putAll(settings);
        return builder.start();
    }
}
