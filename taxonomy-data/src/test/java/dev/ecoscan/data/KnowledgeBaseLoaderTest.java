package dev.ecoscan.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecoscan.domain.rule.DisposalRule;
import dev.ecoscan.domain.taxonomy.NodeId;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/** Each kind of broken data file stops loading with a message naming the file and the entry. */
class KnowledgeBaseLoaderTest {

    @TempDir
    Path dir;

    @Test
    void an_unchanged_copy_of_the_embedded_files_loads() throws IOException {
        KnowledgeBaseLoader.exportEmbedded(dir);

        KnowledgeBase copy = KnowledgeBaseLoader.fromDirectory(dir).load();

        assertThat(copy.taxonomy().itemCount())
                .isEqualTo(KnowledgeBase.embedded().taxonomy().itemCount());
    }

    @Test
    void a_duplicated_id_is_rejected_naming_the_file_and_the_entry() throws IOException {
        edit(KnowledgeBaseLoader.TAXONOMY, doc -> {
            List<Map<String, Object>> items = items(middle(doc, "recyclable.paper-pack"));
            items.get(1).put("id", items.get(0).get("id"));
        });

        assertThatThrownBy(this::load).isInstanceOfSatisfying(DataFileException.class, e -> {
            assertThat(e.file()).isEqualTo("taxonomy.yaml");
            assertThat(e.entry()).contains("items[1]").contains("recyclable.paper-pack.");
            assertThat(e.getMessage()).startsWith("taxonomy.yaml: ").contains("duplicate id");
        });
    }

    @Test
    void a_rule_for_a_node_that_does_not_exist_is_rejected() throws IOException {
        edit(KnowledgeBaseLoader.RULES, doc -> rules(doc).get(2).put("node", "recyclable.moon-rock"));

        assertThatThrownBy(this::load).isInstanceOfSatisfying(DataFileException.class, e -> {
            assertThat(e.file()).isEqualTo("disposal-rules.yaml");
            assertThat(e.entry()).contains("rules[2]").contains("recyclable.moon-rock");
            assertThat(e.getMessage()).contains("not in taxonomy.yaml");
        });
    }

    @Test
    void an_item_override_naming_an_item_outside_the_rule_is_rejected() throws IOException {
        edit(
                KnowledgeBaseLoader.RULES,
                doc -> itemRules(rules(doc).get(0))
                        .put(
                                "food.fruit-peel",
                                Map.of("after", List.of("껍질을 모아요."), "sources", List.of("moe-guideline"))));

        assertThatThrownBy(this::load).isInstanceOfSatisfying(DataFileException.class, e -> {
            assertThat(e.file()).isEqualTo("disposal-rules.yaml");
            assertThat(e.entry()).contains("rules[0]");
            assertThat(e.getMessage()).contains("food.fruit-peel").contains("not an item of");
        });
    }

    @Test
    void a_rule_without_a_source_is_rejected_naming_the_file_and_the_rule() throws IOException {
        edit(KnowledgeBaseLoader.RULES, doc -> rule(doc, "recyclable.metal").remove("sources"));

        assertThatThrownBy(this::load).isInstanceOfSatisfying(DataFileException.class, e -> {
            assertThat(e.file()).isEqualTo("disposal-rules.yaml");
            assertThat(e.entry()).contains("recyclable.metal");
            assertThat(e.getMessage()).contains("missing 'sources'");
        });
    }

    @Test
    void an_item_override_without_a_source_is_rejected_naming_the_item() throws IOException {
        edit(
                KnowledgeBaseLoader.RULES,
                doc -> itemRule(rule(doc, "recyclable.metal"), "recyclable.metal.butane")
                        .remove("sources"));

        assertThatThrownBy(this::load).isInstanceOfSatisfying(DataFileException.class, e -> {
            assertThat(e.entry()).contains("items.recyclable.metal.butane");
            assertThat(e.getMessage()).contains("missing 'sources'");
        });
    }

    @Test
    void a_variant_without_a_source_is_rejected() throws IOException {
        edit(KnowledgeBaseLoader.RULES, doc -> {
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> variants = (Map<String, Map<String, Object>>)
                    itemRule(rule(doc, "general"), "general.ice-pack").get("variants");
            variants.get("water-filled").put("sources", List.of());
        });

        assertThatThrownBy(this::load).isInstanceOfSatisfying(DataFileException.class, e -> {
            assertThat(e.entry()).contains("general.ice-pack.variants.water-filled");
            assertThat(e.getMessage()).contains("'sources' is empty");
        });
    }

    @Test
    void a_source_that_is_not_declared_is_rejected() throws IOException {
        edit(KnowledgeBaseLoader.RULES, doc -> rule(doc, "food").put("sources", List.of("some-blog")));

        assertThatThrownBy(this::load)
                .isInstanceOfSatisfying(
                        DataFileException.class,
                        e -> assertThat(e.getMessage()).contains("'some-blog'").contains("not declared"));
    }

    @Test
    void a_variant_in_the_taxonomy_without_advice_is_rejected() throws IOException {
        edit(KnowledgeBaseLoader.RULES, doc -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> variants = (Map<String, Object>)
                    itemRule(rule(doc, "general"), "general.ice-pack").get("variants");
            variants.remove("gel-filled");
        });

        assertThatThrownBy(this::load)
                .isInstanceOfSatisfying(
                        DataFileException.class,
                        e -> assertThat(e.getMessage()).contains("'gel-filled'").contains("no advice"));
    }

    @Test
    void an_alias_shared_by_two_items_is_rejected_naming_both() throws IOException {
        edit(
                KnowledgeBaseLoader.TAXONOMY,
                doc -> aliases(items(middle(doc, "recyclable.paper")).get(1)).add("택배 상자"));

        assertThatThrownBy(this::load).isInstanceOfSatisfying(DataFileException.class, e -> {
            assertThat(e.file()).isEqualTo("taxonomy.yaml");
            assertThat(e.entry()).contains("recyclable.paper.newspaper");
            assertThat(e.getMessage()).contains("'택배 상자'").contains("recyclable.paper.corrugated-box");
        });
    }

    @Test
    void an_alias_spelt_differently_but_the_same_once_spacing_and_punctuation_go_is_still_shared() throws IOException {
        edit(
                KnowledgeBaseLoader.TAXONOMY,
                doc -> aliases(items(middle(doc, "recyclable.paper")).get(1)).add("택배-상자!"));

        assertThatThrownBy(this::load)
                .isInstanceOfSatisfying(
                        DataFileException.class, e -> assertThat(e.getMessage()).contains("also used by"));
    }

    @Test
    void an_alias_that_is_part_of_its_own_items_name_is_rejected() throws IOException {
        edit(
                KnowledgeBaseLoader.TAXONOMY,
                doc -> aliases(items(middle(doc, "recyclable.paper")).get(0)).add("골판지"));

        assertThatThrownBy(this::load).isInstanceOfSatisfying(DataFileException.class, e -> {
            assertThat(e.entry()).contains("recyclable.paper.corrugated-box");
            assertThat(e.getMessage()).contains("'골판지'").contains("part of the name");
        });
    }

    @Test
    void a_one_syllable_alias_must_be_on_the_allow_list() throws IOException {
        edit(
                KnowledgeBaseLoader.TAXONOMY,
                doc -> aliases(items(middle(doc, "recyclable.paper")).get(0)).add("곽"));

        assertThatThrownBy(this::load).isInstanceOfSatisfying(DataFileException.class, e -> {
            assertThat(e.entry()).contains("recyclable.paper.corrugated-box");
            assertThat(e.getMessage()).contains("one-syllable alias '곽'").contains("one_syllable_aliases");
        });
    }

    @Test
    void an_allowed_one_syllable_alias_nobody_uses_is_rejected_as_stale() throws IOException {
        edit(KnowledgeBaseLoader.TAXONOMY, doc -> {
            @SuppressWarnings("unchecked")
            List<String> allowed = (List<String>) doc.get("one_syllable_aliases");
            allowed.add("껌");
        });

        assertThatThrownBy(this::load)
                .isInstanceOfSatisfying(
                        DataFileException.class,
                        e -> assertThat(e.getMessage()).contains("[껌]").contains("no node uses"));
    }

    @Test
    void a_node_without_a_rule_is_rejected() throws IOException {
        edit(
                KnowledgeBaseLoader.RULES,
                doc -> rules(doc).removeIf(rule -> rule.get("node").equals("food")));

        assertThatThrownBy(this::load).isInstanceOfSatisfying(DataFileException.class, e -> {
            assertThat(e.file()).isEqualTo("disposal-rules.yaml");
            assertThat(e.getMessage()).contains("'food'").contains("has no rule");
        });
    }

    @Test
    void a_reward_blocking_tag_that_does_not_exist_is_rejected_naming_the_file_and_the_rule() throws IOException {
        edit(
                KnowledgeBaseLoader.RULES,
                doc -> blockedBy(rule(doc, "recyclable.clear-pet")).add("label-still-on"));

        assertThatThrownBy(this::load).isInstanceOfSatisfying(DataFileException.class, e -> {
            assertThat(e.file()).isEqualTo("disposal-rules.yaml");
            assertThat(e.entry()).contains("rules[2]").contains("recyclable.clear-pet");
            assertThat(e.getMessage())
                    .contains("reward_blocked_by[")
                    .contains("'label-still-on'")
                    .contains("not in situation-tags.yaml");
        });
    }

    @Test
    void a_reward_blocking_tag_named_by_its_label_instead_of_its_id_is_rejected() throws IOException {
        edit(
                KnowledgeBaseLoader.RULES,
                doc -> blockedBy(rule(doc, "recyclable.clear-pet")).add("비닐_라벨_부착"));

        assertThatThrownBy(this::load)
                .isInstanceOfSatisfying(
                        DataFileException.class,
                        e -> assertThat(e.getMessage()).contains("'비닐_라벨_부착'").contains("not its label"));
    }

    @Test
    void a_reward_blocking_tag_without_advice_is_rejected_since_nobody_would_be_told_what_to_fix() throws IOException {
        edit(
                KnowledgeBaseLoader.RULES,
                doc -> blockedBy(rule(doc, "recyclable.glass-bottle")).add("cap-on"));

        assertThatThrownBy(this::load).isInstanceOfSatisfying(DataFileException.class, e -> {
            assertThat(e.entry()).contains("recyclable.glass-bottle");
            assertThat(e.getMessage()).contains("'cap-on'").contains("no advice");
        });
    }

    @Test
    void a_recyclable_rule_without_reward_blocking_tags_is_rejected() throws IOException {
        edit(
                KnowledgeBaseLoader.RULES,
                doc -> rule(doc, "recyclable.paper-pack").remove("reward_blocked_by"));

        assertThatThrownBy(this::load).isInstanceOfSatisfying(DataFileException.class, e -> {
            assertThat(e.entry()).contains("recyclable.paper-pack");
            assertThat(e.getMessage()).contains("missing 'reward_blocked_by'");
        });
    }

    @Test
    void an_explicitly_empty_list_of_reward_blocking_tags_loads() throws IOException {
        edit(KnowledgeBaseLoader.RULES, doc -> rule(doc, "recyclable.battery").put("reward_blocked_by", List.of()));

        assertThat(load().rules().all())
                .filteredOn(r -> r.node().value().equals("recyclable.battery"))
                .singleElement()
                .satisfies(r -> assertThat(r.rewardBlockedBy()).isEmpty());
    }

    @Test
    void reward_blocking_tags_on_a_rule_that_earns_no_reward_are_rejected() throws IOException {
        edit(KnowledgeBaseLoader.RULES, doc -> rule(doc, "food").put("reward_blocked_by", List.of("wet")));

        assertThatThrownBy(this::load).isInstanceOfSatisfying(DataFileException.class, e -> {
            assertThat(e.entry()).contains("(food)");
            assertThat(e.getMessage()).contains("earns no reward");
        });
    }

    @Test
    void an_item_overrides_own_reward_blocking_tags_replace_the_rules_for_that_item() throws IOException {
        edit(
                KnowledgeBaseLoader.RULES,
                doc -> itemRule(rule(doc, "recyclable.metal"), "recyclable.metal.pot")
                        .put("reward_blocked_by", List.of("wet")));

        DisposalRule metal = load().rules().all().stream()
                .filter(r -> r.node().value().equals("recyclable.metal"))
                .findFirst()
                .orElseThrow();
        assertThat(metal.itemRule(NodeId.of("recyclable.metal.pot"))
                        .orElseThrow()
                        .override()
                        .orElseThrow()
                        .rewardBlockedBy())
                .contains(List.of("wet"));
    }

    @Test
    void an_item_overrides_reward_blocking_tag_that_does_not_exist_is_rejected_naming_the_item() throws IOException {
        edit(
                KnowledgeBaseLoader.RULES,
                doc -> itemRule(rule(doc, "recyclable.metal"), "recyclable.metal.pot")
                        .put("reward_blocked_by", List.of("handle-loose")));

        assertThatThrownBy(this::load).isInstanceOfSatisfying(DataFileException.class, e -> {
            assertThat(e.entry()).contains("items.recyclable.metal.pot");
            assertThat(e.getMessage()).contains("'handle-loose'").contains("not in situation-tags.yaml");
        });
    }

    @Test
    void a_variants_reward_blocking_tag_without_advice_is_rejected() throws IOException {
        edit(KnowledgeBaseLoader.RULES, doc -> {
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> variants = (Map<String, Map<String, Object>>)
                    itemRule(rule(doc, "recyclable.styrofoam"), "recyclable.styrofoam.cup-noodle")
                            .get("variants");
            variants.get("foam-bowl").put("reward_blocked_by", List.of("foam-bowl"));
        });

        assertThatThrownBy(this::load).isInstanceOfSatisfying(DataFileException.class, e -> {
            assertThat(e.entry()).contains("recyclable.styrofoam.cup-noodle.variants.foam-bowl");
            assertThat(e.getMessage()).contains("'foam-bowl'").contains("no advice");
        });
    }

    @Test
    void reward_blocking_tags_on_an_item_of_a_rule_that_earns_no_reward_are_rejected() throws IOException {
        edit(
                KnowledgeBaseLoader.RULES,
                doc -> itemRule(rule(doc, "general"), "general.ice-pack").put("reward_blocked_by", List.of("wet")));

        assertThatThrownBy(this::load).isInstanceOfSatisfying(DataFileException.class, e -> {
            assertThat(e.entry()).contains("general.ice-pack");
            assertThat(e.getMessage()).contains("earns no reward");
        });
    }

    @Test
    void a_recyclable_middle_without_a_character_is_rejected() throws IOException {
        edit(
                KnowledgeBaseLoader.CHARACTERS,
                doc -> characters(doc).removeIf(c -> "recyclable.battery".equals(c.get("middle"))));

        assertThatThrownBy(this::load).isInstanceOfSatisfying(DataFileException.class, e -> {
            assertThat(e.file()).isEqualTo("characters.yaml");
            assertThat(e.getMessage()).contains("recyclable.battery").contains("has no character");
        });
    }

    @Test
    void a_character_for_a_middle_that_is_not_recyclable_is_rejected() throws IOException {
        edit(KnowledgeBaseLoader.CHARACTERS, doc -> characters(doc).get(1).put("middle", "food"));

        assertThatThrownBy(this::load).isInstanceOfSatisfying(DataFileException.class, e -> {
            assertThat(e.file()).isEqualTo("characters.yaml");
            assertThat(e.entry()).contains("characters[1]");
            assertThat(e.getMessage()).contains("'food' is not a recyclable middle category");
        });
    }

    @Test
    void a_misspelt_key_is_rejected_instead_of_being_ignored() throws IOException {
        edit(KnowledgeBaseLoader.TAXONOMY, doc -> {
            Map<String, Object> item = items(middle(doc, "recyclable.paper")).get(0);
            item.put("alias", item.remove("aliases"));
        });

        assertThatThrownBy(this::load).isInstanceOfSatisfying(DataFileException.class, e -> {
            assertThat(e.entry()).contains("majors[0].middles[0].items[0]");
            assertThat(e.getMessage()).contains("unknown key 'alias'");
        });
    }

    @Test
    void a_domain_rule_broken_in_the_data_names_the_entry_too() throws IOException {
        edit(KnowledgeBaseLoader.TAGS, doc -> {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> groups = (List<Map<String, Object>>) doc.get("groups");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> tags =
                    (List<Map<String, Object>>) groups.get(0).get("tags");
            tags.get(0).put("id", "Not A Slug");
        });

        assertThatThrownBy(this::load).isInstanceOfSatisfying(DataFileException.class, e -> {
            assertThat(e.file()).isEqualTo("situation-tags.yaml");
            assertThat(e.entry()).contains("groups[0].tags[0]");
            assertThat(e.getMessage()).contains("Not A Slug");
        });
    }

    @Test
    void invalid_yaml_is_reported_with_its_file() throws IOException {
        KnowledgeBaseLoader.exportEmbedded(dir);
        Files.writeString(dir.resolve(KnowledgeBaseLoader.CHARACTERS), "characters: [unclosed", StandardCharsets.UTF_8);

        assertThatThrownBy(this::load)
                .isInstanceOfSatisfying(
                        DataFileException.class,
                        e -> assertThat(e.getMessage())
                                .startsWith("characters.yaml: ")
                                .contains("not valid YAML"));
    }

    // ---- helpers -------------------------------------------------------------------------------

    private KnowledgeBase load() {
        return KnowledgeBaseLoader.fromDirectory(dir).load();
    }

    /** Exports the embedded files and rewrites one of them after an edit of its parsed form. */
    private void edit(String file, Consumer<Map<String, Object>> change) throws IOException {
        KnowledgeBaseLoader.exportEmbedded(dir);
        Path path = dir.resolve(file);
        Map<String, Object> document;
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            document = new Yaml().load(reader);
        }
        change.accept(document);
        try (Writer writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
            new Yaml().dump(document, writer);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> middle(Map<String, Object> doc, String id) {
        List<Map<String, Object>> majors = (List<Map<String, Object>>) doc.get("majors");
        return majors.stream()
                .flatMap(m -> ((List<Map<String, Object>>) m.getOrDefault("middles", List.of())).stream())
                .filter(m -> m.get("id").equals(id))
                .findFirst()
                .orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> parent) {
        return (List<Map<String, Object>>) parent.get("items");
    }

    @SuppressWarnings("unchecked")
    private static List<String> aliases(Map<String, Object> node) {
        return (List<String>) node.get("aliases");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> itemRules(Map<String, Object> rule) {
        return (Map<String, Object>) rule.get("items");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> itemRule(Map<String, Object> rule, String item) {
        return (Map<String, Object>) itemRules(rule).get(item);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rules(Map<String, Object> doc) {
        return (List<Map<String, Object>>) doc.get("rules");
    }

    private static Map<String, Object> rule(Map<String, Object> doc, String node) {
        return rules(doc).stream()
                .filter(rule -> rule.get("node").equals(node))
                .findFirst()
                .orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<String> blockedBy(Map<String, Object> rule) {
        return (List<String>) rule.get("reward_blocked_by");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> characters(Map<String, Object> doc) {
        return (List<Map<String, Object>>) doc.get("characters");
    }
}
