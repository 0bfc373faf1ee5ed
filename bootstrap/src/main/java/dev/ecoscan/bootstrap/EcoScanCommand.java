package dev.ecoscan.bootstrap;

import dev.ecoscan.bootstrap.config.SettingCatalogue;
import dev.ecoscan.bootstrap.config.SettingsException;
import dev.ecoscan.data.DataFileException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level command: only subcommands do anything. */
@Command(
        name = "eco-scan",
        mixinStandardHelpOptions = true,
        version = "eco-scan 0.1.0",
        description = "Tells you how to throw an item away, from a photo of it.",
        subcommands = {
            ServeCommand.class,
            WorkerCommand.class,
            ScanCommand.class,
            BenchCommand.class,
            EvalCommand.class,
            TaxonomyCommand.class,
            SimulatorCommand.class,
            CommandLine.HelpCommand.class
        })
final class EcoScanCommand implements Runnable {

    private final CommandContext context;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    EcoScanCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "name a command: serve, worker, scan, bench, eval, taxonomy or simulator");
    }

    static CommandLine commandLine(CommandContext context) {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (type == TaxonomyCommand.class) {
                    return type.cast(new TaxonomyCommand(context));
                }
                if (type == WorkerCommand.class) {
                    return type.cast(new WorkerCommand(context));
                }
                // A progress bar only for a person at a terminal, never into a pipe or a file.
                if (type == ScanCommand.class) {
                    return type.cast(new ScanCommand(context, System.console() != null));
                }
                if (type == BenchCommand.class) {
                    return type.cast(new BenchCommand(context, System.console() != null));
                }
                if (type == EvalCommand.class) {
                    return type.cast(new EvalCommand(context, System.console() != null));
                }
                if (type == ServeCommand.class) {
                    return type.cast(new ServeCommand(context));
                }
                if (type == SimulatorCommand.class) {
                    return type.cast(new SimulatorCommand(context));
                }
                return CommandLine.defaultFactory().create(type);
            }
        };
        CommandLine line = new CommandLine(new EcoScanCommand(context), factory);
        // Every setting with its one default, from the same declarations the code reads.
        line.getCommandSpec().usageMessage().footer(SettingCatalogue.helpText());
        line.setOut(new PrintWriter(context.out(), true));
        line.setErr(new PrintWriter(context.err(), true));
        line.setExecutionExceptionHandler((error, command, parsed) -> {
            if (error instanceof SettingsException
                    || error instanceof DataFileException
                    || error instanceof IllegalArgumentException) {
                context.log().error(error.getMessage());
                return ExitCodes.BAD_INPUT;
            }
            context.log().error("unexpected error: " + error, error);
            return ExitCodes.UNEXPECTED;
        });
        return line;
    }
}
