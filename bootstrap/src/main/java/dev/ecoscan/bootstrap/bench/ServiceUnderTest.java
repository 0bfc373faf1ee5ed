package dev.ecoscan.bootstrap.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a bench measures: {@code eco-scan serve} in a process of its own and, unless a provider is
 * configured, {@code eco-scan simulator} in another, the service pointed at it through {@code
 * OPENAI_BASE_URL}. The load generator stays in the bench's process, so the service's CPU time is
 * the service's alone. Both write their stderr to log files in a fresh directory.
 */
public final class ServiceUnderTest implements AutoCloseable {

    private static final Pattern SIMULATOR_URL = Pattern.compile("listening on (http://\\S+)");
    private static final Pattern SERVICE_URL = Pattern.compile("serving on (http://\\S+)");
    private static final Pattern DEV_TOKEN = Pattern.compile("s_access=([^']+)'");

    private final ChildJvm simulator;
    private final ChildJvm service;
    private final URI baseUrl;
    private final String devToken;
    private final Path logs;

    private ServiceUnderTest(ChildJvm simulator, ChildJvm service, URI baseUrl, String devToken, Path logs) {
        this.simulator = simulator;
        this.service = service;
        this.baseUrl = baseUrl;
        this.devToken = devToken;
        this.logs = logs;
    }

    /**
     * Starts the simulator (at {@code ECO_SCAN_SIMULATOR_SPEED}, 1 by default) when {@code environment}
     * names no provider, then the service with {@code environment} on top of it. {@code mainClass} is
     * eco-scan's command line; the service must run in dev mode, which prints a dev token.
     */
    public static ServiceUnderTest start(String mainClass, Map<String, String> environment)
            throws IOException, InterruptedException {
        Path logs = Files.createTempDirectory("eco-scan-bench-");
        Map<String, String> serviceEnvironment = new HashMap<>(environment);
        ChildJvm simulator = null;
        // A provider given as a file (OPENAI_API_KEY_FILE) counts too: the service reads it as the value.
        boolean providerNamed = Stream.of("OPENAI_BASE_URL", "OPENAI_API_KEY")
                .anyMatch(name -> environment.containsKey(name) || environment.containsKey(name + "_FILE"));
        if (!providerNamed) {
            ChildJvm.Started started = ChildJvm.start(
                    mainClass,
                    List.of(
                            "simulator",
                            "--port",
                            "0",
                            "--speed",
                            environment.getOrDefault("ECO_SCAN_SIMULATOR_SPEED", "1")),
                    environment,
                    logs.resolve("simulator.log"),
                    List.of(SIMULATOR_URL));
            simulator = started.jvm();
            serviceEnvironment.put("OPENAI_BASE_URL", started.found().getFirst());
        }
        try {
            ChildJvm.Started service = ChildJvm.start(
                    mainClass,
                    List.of("serve"),
                    serviceEnvironment,
                    logs.resolve("service.log"),
                    List.of(SERVICE_URL, DEV_TOKEN));
            return new ServiceUnderTest(
                    simulator,
                    service.jvm(),
                    URI.create(service.found().get(0)),
                    service.found().get(1),
                    logs);
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (simulator != null) {
                simulator.close();
            }
            throw e;
        }
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public String devToken() {
        return devToken;
    }

    /** The service process's CPU time so far. */
    public ProcessCpu serviceCpu() {
        return service.cpu();
    }

    /** What a person needs to profile the service or read its log while the bench runs. */
    public String describe() {
        return "service pid " + service.pid() + (simulator == null ? "" : ", simulator pid " + simulator.pid())
                + ", logs in " + logs;
    }

    /** Stops the service (SIGTERM: it drains), then the simulator. */
    @Override
    public void close() throws InterruptedException {
        try {
            service.close();
        } finally {
            if (simulator != null) {
                simulator.close();
            }
        }
    }
}
