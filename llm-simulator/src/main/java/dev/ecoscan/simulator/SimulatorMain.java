package dev.ecoscan.simulator;

import java.util.concurrent.CountDownLatch;

/** Runs the simulator until the process is killed: {@code java dev.ecoscan.simulator.SimulatorMain --port 8099}. */
public final class SimulatorMain {

    /** eco-scan's exit code for bad arguments. */
    static final int BAD_ARGUMENTS = 2;

    private SimulatorMain() {}

    /**
     * Runs the simulator from the command line; {@code --help} prints the options.
     *
     * @param args the options, see {@link SimulatorOptions#USAGE}
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public static void main(String[] args) throws InterruptedException {
        if (SimulatorOptions.wantsHelp(args)) {
            System.out.print(SimulatorOptions.USAGE);
            return;
        }
        SimulatorConfig config;
        try {
            config = SimulatorOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("llm-simulator: " + e.getMessage());
            System.err.print(SimulatorOptions.USAGE);
            System.exit(BAD_ARGUMENTS);
            return;
        }
        run(config);
    }

    /**
     * Starts the simulator, prints its base URL, and blocks until the JVM shuts down.
     *
     * @param config where to listen and how to behave
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public static void run(SimulatorConfig config) throws InterruptedException {
        LlmSimulator simulator = LlmSimulator.start(config);
        CountDownLatch forever = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(simulator::close));
        System.out.println("llm-simulator listening on " + simulator.baseUrl() + " (speed " + config.speed() + ", seed "
                + config.seed() + ", faults " + describe(config.faultRates()) + ")");
        System.out.flush();
        forever.await();
    }

    private static String describe(FaultRates rates) {
        if (rates.isNone()) {
            return "none";
        }
        StringBuilder text = new StringBuilder();
        for (Fault fault : Fault.values()) {
            if (fault != Fault.NONE && rates.of(fault) > 0) {
                text.append(text.isEmpty() ? "" : ",").append(fault).append('=').append(rates.of(fault));
            }
        }
        return text.toString();
    }
}
