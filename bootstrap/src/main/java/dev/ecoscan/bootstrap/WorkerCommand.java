package dev.ecoscan.bootstrap;

import dev.ecoscan.adapter.redis.RedisJobWorker;
import dev.ecoscan.bootstrap.config.Secrets;
import dev.ecoscan.bootstrap.config.Settings;
import dev.ecoscan.bootstrap.config.SettingsException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code eco-scan worker}: runs asynchronous scans from the Redis queue until SIGTERM, which lets
 * the scans it holds finish within {@code ECO_SCAN_DRAIN_GRACE} (or leaves them, unacknowledged, for
 * another worker to reclaim).
 */
@Command(
        name = "worker",
        mixinStandardHelpOptions = true,
        description = "Run asynchronous scans from the Redis queue (ECO_SCAN_QUEUE=redis, ECO_SCAN_REDIS_URL).")
final class WorkerCommand implements Callable<Integer> {

    private final CommandContext context;

    WorkerCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        Settings settings = context.settings();
        if (!settings.jobs().redis()) {
            throw new SettingsException("eco-scan worker needs ECO_SCAN_QUEUE=redis and ECO_SCAN_REDIS_URL");
        }
        WorkerComponent engine = WorkerComponent.create(settings, context.clock(), context.err());
        RedisJobWorker worker;
        WorkerMetricsEndpoint endpoint;
        try {
            engine.wiring().announce();
            worker = engine.worker().start();
            endpoint = engine.metricsEndpoint();
        } catch (RuntimeException e) {
            engine.resources().close();
            throw e;
        }
        context.out()
                .println("eco-scan worker " + worker.consumerName() + " taking jobs from "
                        + Secrets.redact(settings.jobs().redisUrl().orElse("")) + "; rewards: "
                        + Secrets.redact(engine.rewards().description())
                        + "; metrics on port " + endpoint.port());
        if (!settings.rewards().remote() && settings.rewards().dbUrl().isEmpty()) {
            context.log()
                    .warn("this worker keeps rewards in its own embedded database, so each worker"
                            + " grants on its own: workers should share PostgreSQL (ECO_SCAN_DB_URL) or a character service"
                            + " (ECO_SCAN_REWARDS=remote).");
        }
        context.out().flush();
        RedisJobWorker stopping = worker;
        DrainGrace grace = DrainGrace.of(settings);
        UntilSignal.await("eco-scan-worker-stop", () -> {
            // Lets the jobs it holds finish, or leaves them unacknowledged for another worker.
            context.log()
                    .info("worker stopping; letting its jobs finish (at most "
                            + grace.total().toMillis() / 1000.0
                            + " s, ECO_SCAN_DRAIN_GRACE); the rest go back to the queue");
            stopping.close();
            engine.resources().close();
        });
        return ExitCodes.COMPLETED;
    }
}
