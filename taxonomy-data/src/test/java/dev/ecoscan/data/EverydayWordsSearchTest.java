package dev.ecoscan.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecoscan.domain.rule.Guide;
import dev.ecoscan.domain.taxonomy.SearchHit;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * The words people type without a photo (everyday-words.tsv) each rank the expected item, variant or
 * category first, with advice. All misses are reported together, so one run shows the whole table.
 */
class EverydayWordsSearchTest {

    private record Row(String word, String expected) {}

    private final Guide guide = KnowledgeBase.embedded().guide();

    @Test
    void every_everyday_word_in_the_table_ranks_its_expected_node_first_with_advice() throws IOException {
        List<Row> table = table();
        List<String> misses = new ArrayList<>();
        for (Row row : table) {
            List<Guide.Finding> found = guide.find(row.word());
            String first = found.isEmpty() ? "(nothing)" : key(found.get(0).hit());
            if (!first.equals(row.expected())) {
                misses.add(row.word() + " -> " + first + ", expected " + row.expected());
            } else if (found.get(0).advice().isEmpty() && !row.expected().equals("recyclable")) {
                misses.add(row.word() + " -> " + first + " but without advice");
            }
        }

        assertThat(table).hasSizeGreaterThanOrEqualTo(150);
        assertThat(misses).isEmpty();
    }

    private static String key(SearchHit hit) {
        return hit.node().id().value() + hit.variant().map(v -> "#" + v.tag()).orElse("");
    }

    private static List<Row> table() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(EverydayWordsSearchTest.class.getResourceAsStream("everyday-words.tsv")),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t");
                rows.add(new Row(cells[0], cells[1].strip()));
            }
        }
        return rows;
    }
}
