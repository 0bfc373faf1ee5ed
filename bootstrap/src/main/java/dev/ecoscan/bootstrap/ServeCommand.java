package dev.ecoscan.bootstrap;

import dev.ecoscan.bootstrap.wiring.EcoScanComponent;
import dev.ecoscan.bootstrap.wiring.Purpose;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code eco-scan serve}: the HTTP service, until SIGTERM or Ctrl-C, which drain it first. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the HTTP service (the scan API, categories, health, metrics, OpenAPI).")
final class ServeCommand implements Callable<Integer> {

    private final CommandContext context;

    ServeCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        EcoScanComponent engine = context.engine(Purpose.SERVICE);
        RunningService service;
        try {
            service = RunningService.start(engine, context.clock());
        } catch (RuntimeException e) {
            engine.resources().close();
            throw e;
        }
        service.banner().forEach(context.out()::println);
        context.out().flush();
        UntilSignal.await("eco-scan-drain", () -> {
            // Stop taking scans, let those in flight reach their deadline, then close.
            Duration grace = engine.httpSettings().deadline().plusSeconds(1);
            context.err().println("eco-scan: stopping; letting scans in flight finish (at most " + grace.toSeconds()
                    + " s)");
            int left = service.server().drain(grace);
            if (left > 0) {
                context.err().println("eco-scan: " + left + " scans were still running at the deadline");
            }
            engine.resources().close();
        });
        return ExitCodes.COMPLETED;
    }
}
