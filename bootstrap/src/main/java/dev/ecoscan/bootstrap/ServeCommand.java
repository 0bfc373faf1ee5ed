package dev.ecoscan.bootstrap;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code eco-scan serve}: the HTTP service, until SIGTERM or Ctrl-C, which drain it first ({@link ServiceDrain}). */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Run the HTTP service (the scan API, categories, health, metrics, OpenAPI).")
final class ServeCommand implements Callable<Integer> {

    private final CommandContext context;

    ServeCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        ServiceComponent engine = ServiceComponent.create(context.settings(), context.clock(), context.err());
        RunningService service;
        try {
            engine.wiring().announce();
            service = engine.service();
        } catch (RuntimeException e) {
            engine.resources().close();
            throw e;
        }
        service.banner().forEach(context.out()::println);
        context.out().flush();
        ServiceDrain drain = engine.drain();
        UntilSignal.await("eco-scan-drain", () -> {
            context.log()
                    .info("stopping; letting scans and jobs in flight finish (at most "
                            + drain.grace().total().toMillis() / 1000.0 + " s, ECO_SCAN_DRAIN_GRACE)");
            ServiceDrain.Report report = drain.run();
            if (report.scansCut() > 0 || report.jobsCut() > 0) {
                context.log()
                        .warn("the grace ran out: " + report.scansCut() + " scans were answered 503"
                                + " shutting_down and " + report.jobsCut() + " jobs ended as shut_down");
            }
            context.log().info("stopped in " + report.took().toMillis() + " ms");
        });
        return ExitCodes.COMPLETED;
    }
}
