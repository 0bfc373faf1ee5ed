package dev.ecoscan.bootstrap;

import dev.ecoscan.data.KnowledgeBase;
import dev.ecoscan.domain.taxonomy.CategoryPath;
import dev.ecoscan.domain.taxonomy.Item;
import dev.ecoscan.domain.taxonomy.MajorCategory;
import dev.ecoscan.domain.taxonomy.MiddleCategory;
import dev.ecoscan.domain.taxonomy.Taxonomy;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code eco-scan taxonomy}: the whole tree, or the items a word finds. */
@Command(name = "taxonomy", mixinStandardHelpOptions = true,
        description = "Show the waste taxonomy, or find items by name, alias or English word.")
final class TaxonomyCommand implements Callable<Integer> {

    private final CommandContext context;

    @Option(names = "--find", paramLabel = "TEXT", description = "a word to look for, e.g. 우유 or bottle")
    private String find;

    TaxonomyCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Taxonomy taxonomy = context.knowledge().taxonomy();
        PrintStream out = context.out();
        if (find != null) {
            List<CategoryPath> found = taxonomy.search(find);
            if (found.isEmpty()) {
                context.err().println("nothing in the taxonomy matches '" + find + "'");
                return ExitCodes.REJECTED;
            }
            found.forEach(path -> out.println(path.display() + "  [" + path.item().id() + "]"));
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

    private static void printItem(PrintStream out, String indent, Item item) {
        out.println(indent + item.name() + "  [" + item.id() + "]"
                + (item.names().aliases().isEmpty() ? "" : "  = " + String.join(", ", item.names().aliases())));
    }
}
