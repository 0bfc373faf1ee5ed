package dev.ecoscan.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecoscan.domain.taxonomy.CategoryLabels;
import dev.ecoscan.domain.taxonomy.CategoryPath;
import dev.ecoscan.domain.taxonomy.MiddleCategory;
import dev.ecoscan.domain.taxonomy.NodeId;
import dev.ecoscan.domain.taxonomy.Resolution;
import dev.ecoscan.domain.taxonomy.Taxonomy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The free-text names a vision model may give (model-names-*.tsv: synonyms, spacing and spelling
 * variants, English) resolve to the expected item, or to its category with no item where the name
 * only tells the category. Each name is resolved as the pipeline does: within the category the model
 * chose, which here is the expected node's. All misses are reported together.
 */
class ModelNamesResolutionTest {

    private record Row(String file, String name, String expected) {}

    private final Taxonomy taxonomy = KnowledgeBase.embedded().taxonomy();

    @Test
    void every_name_a_model_may_give_resolves_to_its_expected_item_or_category() throws IOException {
        List<Row> table = new ArrayList<>();
        table.addAll(table("model-names-recyclable.tsv"));
        table.addAll(table("model-names-other.tsv"));
        List<String> misses = new ArrayList<>();
        for (Row row : table) {
            NodeId expected = NodeId.of(row.expected());
            Optional<CategoryPath> path = taxonomy.pathOf(expected).or(() -> taxonomy.categoryPath(expected));
            if (path.isEmpty()) {
                misses.add(row.file() + ": " + row.expected() + " is neither an item nor a category");
                continue;
            }
            CategoryLabels said = new CategoryLabels(
                    path.get().major().name(), path.get().middle().map(MiddleCategory::name), row.name(), List.of());
            String got = switch (taxonomy.resolve(said)) {
                case Resolution.Resolved resolved ->
                    resolved.classification()
                            .item()
                            .map(item -> item.id().value())
                            .orElse(path.get().ruleNode().id().value());
                case Resolution.OutOfTaxonomy out -> "out of taxonomy: " + out.reason();
            };
            if (!got.equals(row.expected())) {
                misses.add(row.name() + " -> " + got + ", expected " + row.expected());
            }
        }

        assertThat(table).hasSizeGreaterThanOrEqualTo(300);
        assertThat(misses).isEmpty();
    }

    private static List<Row> table(String file) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(ModelNamesResolutionTest.class.getResourceAsStream(file), file),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t");
                rows.add(new Row(file, cells[0], cells[1].strip()));
            }
        }
        return rows;
    }
}
