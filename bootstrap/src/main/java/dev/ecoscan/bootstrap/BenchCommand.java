package dev.ecoscan.bootstrap;

import dev.ecoscan.bootstrap.bench.ClosedLoopLoad;
import dev.ecoscan.bootstrap.bench.ImageHost;
import dev.ecoscan.bootstrap.bench.ServiceUnderTest;
import dev.ecoscan.bootstrap.config.Settings;
import dev.ecoscan.bootstrap.render.ProgressBar;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code eco-scan bench}: closed-loop users in this process against the real HTTP service and the LLM
 * simulator, each in a process of its own ({@link ServiceUnderTest}), so that the service's CPU time
 * per scan is measured apart from the load and the simulator. The LLM cache is off, or every scan
 * after the first would be served from it. Every user is the same dev user, as in the reference
 * system's load test: each scan after the first finds its character already owned. The photo is on
 * an image host in this process ({@link ImageHost}), as the reference test's was on a CDN, so the
 * service's CPU covers fetching it but not serving it.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Load benchmark: closed-loop users against the HTTP service on the LLM simulator.")
final class BenchCommand implements Callable<Integer> {

    private final CommandContext context;

    @Option(names = "--users", defaultValue = "100", description = "closed-loop users (default ${DEFAULT-VALUE})")
    private int users;

    @Option(names = "--duration", defaultValue = "90", description = "seconds to run (default ${DEFAULT-VALUE})")
    private int seconds;

    @Option(
            names = "--ramp-up",
            defaultValue = "15",
            description = "seconds over which users start, left out of the report (default ${DEFAULT-VALUE})")
    private int rampUp;

    @Option(names = "--async", description = "submit jobs and follow their events instead of waiting on /classify")
    private boolean async;

    private final boolean terminal;

    BenchCommand(CommandContext context, boolean terminal) {
        this.context = context;
        this.terminal = terminal;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (users < 1 || seconds <= rampUp) {
            throw new IllegalArgumentException("--users must be positive and --duration longer than --ramp-up");
        }
        Map<String, String> environment = new HashMap<>(context.environment());
        environment.put("ECO_SCAN_CACHE", "off");
        environment.put("ECO_SCAN_MODE", "dev");
        environment.putIfAbsent("ECO_SCAN_PORT", "0");
        environment.putIfAbsent("ECO_SCAN_RATE_LIMIT", "off");
        Path image = Settings.from(context.environment()).service().samplesDir().resolve("milk-carton.png");
        try (ImageHost images = ImageHost.serving(image);
                ServiceUnderTest service = ServiceUnderTest.start(Main.class.getName(), environment)) {
            context.out()
                    .println("bench: " + users + (async ? " asynchronous" : "") + " users for " + seconds
                            + " s (ramp-up " + rampUp + " s) against "
                            + service.baseUrl() + ", heap max "
                            + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB");
            context.out().println("bench: " + service.describe() + "; the photo from " + images.url());
            context.out().flush();
            String report = new ClosedLoopLoad(
                            service.baseUrl(), service.devToken(), images.url().toString(), async)
                    .run(
                            users,
                            Duration.ofSeconds(seconds),
                            Duration.ofSeconds(rampUp),
                            service::serviceCpu,
                            ProgressBar.on(context.err(), terminal));
            context.out().println(report);
        }
        return ExitCodes.COMPLETED;
    }
}
