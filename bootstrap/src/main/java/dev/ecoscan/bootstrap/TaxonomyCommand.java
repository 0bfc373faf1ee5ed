package dev.ecoscan.bootstrap;

import dev.ecoscan.bootstrap.render.FindingText;
import dev.ecoscan.data.KnowledgeBase;
import dev.ecoscan.domain.rule.Guide;
import dev.ecoscan.domain.taxonomy.Item;
import dev.ecoscan.domain.taxonomy.MajorCategory;
import dev.ecoscan.domain.taxonomy.MiddleCategory;
import dev.ecoscan.domain.taxonomy.Taxonomy;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code eco-scan taxonomy}: the whole tree, or the items a word finds. */
@Command(
        name = "taxonomy",
        mixinStandardHelpOptions = true,
        description = "Show the waste taxonomy, or find how to throw something away: items, categories and"
                + " their aliases, ignoring spacing and one typo.")
final class TaxonomyCommand implements Callable<Integer> {

    /** How many matches --find prints with their advice. */
    static final int MAX_FINDINGS = 5;

    private final CommandContext context;

    @Option(names = "--find", paramLabel = "TEXT", description = "what to throw away, e.g. 부탄가스, 물 아이스팩 or bottle")
    private String find;

    TaxonomyCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Taxonomy taxonomy = context.knowledge().taxonomy();
        PrintStream out = context.out();
        if (find != null) {
            List<Guide.Finding> found = context.knowledge().guide().find(find);
            if (found.isEmpty()) {
                context.log().warn("nothing in the taxonomy matches '" + find + "'");
                return ExitCodes.REJECTED;
            }
            // A short word can match dozens of things; the best few, with their advice, are what helps.
            out.print(FindingText.render(taxonomy, found.subList(0, Math.min(MAX_FINDINGS, found.size()))));
            if (found.size() > MAX_FINDINGS) {
                out.println("… and " + (found.size() - MAX_FINDINGS) + " more; try a longer word");
            }
            return ExitCodes.COMPLETED;
        }
        for (MajorCategory major : taxonomy.majors()) {
            out.println(major.name() + "  [" + major.id() + "]" + (major.recyclable() ? "  recyclable" : ""));
            for (MiddleCategory middle : major.middles()) {
                out.println("  " + middle.name() + "  [" + middle.id() + "]");
                middle.items().forEach(item -> printItem(out, "    ", item));
            }
            major.items().forEach(item -> printItem(out, "  ", item));
        }
        out.println(taxonomy.majors().size() + " majors, " + taxonomy.itemCount() + " items, "
                + taxonomy.situationTags().size() + " situation tags");
        return ExitCodes.COMPLETED;
    }

    private void printItem(PrintStream out, String indent, Item item) {
        out.println(indent + item.name() + "  [" + item.id() + "]"
                + (item.names().aliases().isEmpty()
                        ? ""
                        : "  = " + String.join(", ", item.names().aliases()))
                + "  (sources: " + sourceHosts(item) + ")");
    }

    /** Where the item's advice comes from, by site: the full titles and links are in --find and the API. */
    private String sourceHosts(Item item) {
        KnowledgeBase knowledge = context.knowledge();
        return knowledge
                .taxonomy()
                .pathOf(item.id())
                .flatMap(path -> knowledge.rules().forNode(path.ruleNode().id()))
                .map(rule -> rule.adviceFor(item).sources().stream()
                        .map(source -> source.url().getHost())
                        .distinct()
                        .collect(Collectors.joining(", ")))
                .orElse("none");
    }
}
