package dev.ecoscan.bootstrap;

import dev.ecoscan.bootstrap.config.Settings;
import dev.ecoscan.bootstrap.render.OutcomeJson;
import dev.ecoscan.bootstrap.render.OutcomeText;
import dev.ecoscan.bootstrap.render.ProgressBar;
import dev.ecoscan.bootstrap.render.ScanProgress;
import dev.ecoscan.domain.port.ModelCall;
import dev.ecoscan.domain.scan.ImageReference;
import dev.ecoscan.domain.scan.ScanId;
import dev.ecoscan.domain.scan.ScanOutcome;
import dev.ecoscan.domain.scan.ScanRequest;
import dev.ecoscan.domain.scan.UserId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code eco-scan scan}: one scan of one image, printed for a person or as JSON. */
@Command(
        name = "scan",
        mixinStandardHelpOptions = true,
        description = "Scan one image: category, disposal rule, answer, reward and per-step timings.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:completed",
            "2:bad arguments, settings or data files",
            "3:rejected (unreadable image," + " unclassifiable or out-of-taxonomy item, no rule)",
            "4:a step failed (provider error, deadline)"
        })
final class ScanCommand implements Callable<Integer> {

    private final CommandContext context;
    private final boolean terminal;

    @Option(
            names = "--image",
            required = true,
            paramLabel = "PATH|URL",
            description = "the photo: a file or an http(s) URL")
    private String image;

    @Option(names = "--question", paramLabel = "TEXT", description = "what you want to know, e.g. \"라벨은 떼야 하나요?\"")
    private String question;

    @Option(
            names = "--user",
            paramLabel = "ID",
            defaultValue = "local-user",
            description = "who is scanning, for rewards (default: ${DEFAULT-VALUE})")
    private String user;

    @Option(names = "--json", description = "print JSON in the HTTP API's body shape")
    private boolean json;

    /**
     * @param context  the settings, clock and streams of this run
     * @param terminal whether a person watches at a terminal, who then sees which step is running
     */
    ScanCommand(CommandContext context, boolean terminal) {
        this.context = context;
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        Settings settings = context.settings();
        CommandLineComponent engine = CommandLineComponent.create(settings, context.clock(), context.err());
        try {
            engine.wiring().announce();
            return scan(engine, settings);
        } finally {
            engine.resources().close();
        }
    }

    private int scan(CommandLineComponent engine, Settings settings) {
        ScanRequest request = new ScanRequest(
                ScanId.random(),
                ImageReference.parse(image),
                Optional.ofNullable(question),
                new UserId(user),
                context.clock().instant().plus(settings.limits().deadline()));
        // Progress goes to stderr and only at a terminal: stdout stays the result alone (for --json too).
        ScanProgress progress = ScanProgress.start(ProgressBar.on(context.err(), terminal));
        ScanOutcome outcome;
        try {
            outcome = engine.scanWaste().scan(request, progress.listener());
        } finally {
            progress.end();
        }
        List<ModelCall> calls = engine.modelCalls().take(request.id());
        context.out()
                .print(
                        json
                                ? OutcomeJson.render(outcome, calls) + System.lineSeparator()
                                : OutcomeText.render(outcome, calls));
        context.out().flush();
        return switch (outcome) {
            case ScanOutcome.Completed completed -> ExitCodes.COMPLETED;
            case ScanOutcome.Rejected rejected -> ExitCodes.REJECTED;
            case ScanOutcome.Failed failed -> ExitCodes.FAILED;
        };
    }
}
