package dev.ecoscan.bootstrap;

import dev.ecoscan.application.cost.PriceTable;
import dev.ecoscan.bootstrap.config.Settings;
import dev.ecoscan.bootstrap.eval.EvalPass;
import dev.ecoscan.bootstrap.eval.LabelledImage;
import dev.ecoscan.bootstrap.eval.LabelledSet;
import dev.ecoscan.bootstrap.eval.Report;
import dev.ecoscan.bootstrap.eval.ScoreJson;
import dev.ecoscan.bootstrap.eval.ScoreText;
import dev.ecoscan.bootstrap.eval.Scorecard;
import dev.ecoscan.bootstrap.eval.Scoring;
import dev.ecoscan.bootstrap.render.ProgressBar;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code eco-scan eval}: a labelled image set through the configured provider with the real
 * pipeline, one pass per model, scored. The answer step does not change what is scored, so it uses
 * the template (no model call) unless {@code --with-answers}; the LLM cache is off, or a second
 * image with the same bytes would be no test of the model.
 */
@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        description = "Score models on a labelled image set: accuracy, tags, rejections, latency, tokens, cost.")
final class EvalCommand implements Callable<Integer> {

    private final CommandContext context;
    private final boolean terminal;

    @Parameters(
            paramLabel = "SET",
            description = "a folder of labelled images (PNG text chunks or sub-folders named by item id),"
                    + " or a CSV image,expected[,tags]")
    private Path set;

    @Option(
            names = "--models",
            split = ",",
            paramLabel = "MODEL",
            description = "vision models to compare, one pass each")
    private List<String> models;

    @Option(names = "--json", description = "print one JSON document")
    private boolean json;

    @Option(names = "--report", paramLabel = "DIR", description = "write report.md and report.html with charts")
    private Path report;

    @Option(
            names = "--prices",
            paramLabel = "FILE",
            description = "a price table of your own (CSV, as the bundled one)")
    private Path prices;

    @Option(
            names = "--parallel",
            defaultValue = "4",
            description = "scans in flight at once (default ${DEFAULT-VALUE})")
    private int parallel;

    @Option(names = "--with-answers", description = "run the configured answer strategy instead of the template")
    private boolean withAnswers;

    EvalCommand(CommandContext context, boolean terminal) {
        this.context = context;
        this.terminal = terminal;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (parallel < 1) {
            throw new IllegalArgumentException("--parallel must be positive");
        }
        PriceTable table = priceTable();
        List<LabelledImage> images = new LabelledSet(context.knowledge().taxonomy(), context.err()).read(set);
        long rejections =
                images.stream().filter(image -> image.expected().isRejection()).count();
        String title = "eco-scan eval of " + set + ": " + images.size() + " images (" + (images.size() - rejections)
                + " items, " + rejections + " expected rejections)";
        String heading = title + "; answers from " + (withAnswers ? "the configured strategy" : "the template");
        if (json) {
            // stdout holds the JSON document alone, so the heading is a log line.
            context.log().info(heading);
        } else {
            context.out().println(heading);
        }
        ProgressBar progress = ProgressBar.on(context.err(), terminal && !json);
        List<Scorecard> cards = new ArrayList<>();
        for (Optional<String> model : passes()) {
            cards.add(pass(model, images, table, progress));
            if (!json) {
                context.out().print(ScoreText.block(cards.getLast()));
                context.out().flush();
            }
        }
        if (json) {
            context.out().println(ScoreJson.render(set.toString(), images.size(), cards));
        }
        if (report != null) {
            Report.write(report, title, cards);
            context.log().info("eval wrote " + report.resolve("report.md") + " and " + report.resolve("report.html"));
        }
        return ExitCodes.COMPLETED;
    }

    private Scorecard pass(Optional<String> model, List<LabelledImage> images, PriceTable table, ProgressBar progress)
            throws InterruptedException {
        Map<String, String> environment = new HashMap<>(context.environment());
        environment.put("ECO_SCAN_CACHE", "off");
        if (!withAnswers) {
            environment.put("ECO_SCAN_ANSWER_STRATEGY", "template");
        }
        model.ifPresent(name -> environment.put("ECO_SCAN_VISION_MODEL", name));
        Settings settings = Settings.from(environment);
        settings.requireProviderUnlessDev();
        CommandLineComponent engine = CommandLineComponent.create(settings, context.clock(), context.err());
        try {
            engine.wiring().announce();
            String name = settings.provider().visionModel();
            progress.start(name, images.size());
            EvalPass pass = new EvalPass(
                    engine.scanWaste(),
                    engine.modelCalls(),
                    context.clock(),
                    settings.limits().deadline());
            return new Scoring(table).score(name, pass.run(images, parallel, progress));
        } finally {
            engine.resources().close();
        }
    }

    /** One pass per model asked for, or one with the configured model. */
    private List<Optional<String>> passes() {
        if (models == null || models.isEmpty()) {
            return List.of(Optional.empty());
        }
        return models.stream()
                .map(String::strip)
                .filter(name -> !name.isEmpty())
                .map(Optional::of)
                .toList();
    }

    private PriceTable priceTable() throws IOException {
        if (prices == null) {
            return PriceTable.bundled();
        }
        try (Reader reader = Files.newBufferedReader(prices, StandardCharsets.UTF_8)) {
            return PriceTable.parse(reader);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(prices + ": " + e.getMessage(), e);
        }
    }
}
