package dev.ecoscan.bootstrap;

import dev.ecoscan.simulator.SimulatorConfig;
import dev.ecoscan.simulator.SimulatorMain;
import dev.ecoscan.simulator.SimulatorOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code eco-scan simulator}: the OpenAI-compatible LLM simulator in its own process, until killed.
 * Load tests with thousands of scans in flight should run it apart from eco-scan: every open
 * connection is a file, and a process may hold at most 20,000 on these machines.
 */
@Command(
        name = "simulator",
        description = "Run the OpenAI-compatible LLM simulator on its own (see --help for its options).")
final class SimulatorCommand implements Callable<Integer> {

    private final CommandContext context;

    /** The simulator parses its own options, so that they read the same here and in its own main. */
    @Unmatched
    private List<String> arguments = new ArrayList<>();

    SimulatorCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        String[] args = arguments.toArray(String[]::new);
        if (SimulatorOptions.wantsHelp(args)) {
            context.out().print(SimulatorOptions.USAGE.replace("llm-simulator", "eco-scan simulator"));
            return ExitCodes.COMPLETED;
        }
        SimulatorConfig config = SimulatorOptions.parse(args);
        SimulatorMain.run(config);
        return ExitCodes.COMPLETED;
    }
}
