package dev.ecoscan.adapter.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import dev.ecoscan.data.KnowledgeBase;
import dev.ecoscan.domain.taxonomy.Item;
import dev.ecoscan.domain.taxonomy.MajorCategory;
import dev.ecoscan.domain.taxonomy.MiddleCategory;
import dev.ecoscan.domain.taxonomy.Names;
import dev.ecoscan.domain.taxonomy.NodeId;
import dev.ecoscan.domain.taxonomy.Taxonomy;
import dev.ecoscan.testkit.RecordingModelCalls;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The vision call's size, counted with OpenAI's o200k_base tokenizer on the request as it goes over
 * the wire: the system prompt, the user's text and the response format. It must stay within 2,000
 * tokens, and must not grow with the knowledge base, since the model names the thing in its own
 * words instead of choosing it from a list of every item.
 */
class VisionTokenBudgetTest {

    /** The budget for one vision request (image aside). */
    private static final int BUDGET = 2_000;
    /** A vision reply, the part a scan pays output prices for. */
    private static final int REPLY_BUDGET = 40;

    private static final Encoding O200K = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.O200K_BASE);

    private final CapturingProvider provider = CapturingProvider.answering(request ->
            CapturingProvider.Reply.ok(StrictReplies.completion("gpt-4.1-mini", StrictReplies.VISION_CONTENT)));

    @AfterEach
    void stop() {
        provider.close();
    }

    @Test
    void the_vision_request_is_within_two_thousand_tokens() {
        int tokens = tokensOfAVisionRequest(KnowledgeBase.embedded().taxonomy());

        System.out.println("vision request tokens (o200k_base, image aside): " + tokens + " for "
                + KnowledgeBase.embedded().taxonomy().itemCount() + " items");
        assertThat(tokens).isLessThanOrEqualTo(BUDGET);
    }

    @Test
    void hundreds_more_items_add_no_token_to_the_vision_request() {
        Taxonomy embedded = KnowledgeBase.embedded().taxonomy();
        Taxonomy grown = withMoreItems(embedded, 20);
        assertThat(grown.itemCount())
                .isEqualTo(embedded.itemCount() + 20 * embedded.ruleNodes().count());

        assertThat(tokensOfAVisionRequest(grown)).isEqualTo(tokensOfAVisionRequest(embedded));
    }

    @Test
    void a_vision_reply_with_two_tags_is_within_forty_tokens() {
        String reply = "{\"major\":\"재활용폐기물\",\"middle\":\"무색페트병\",\"item\":\"생수 페트병\","
                + "\"tags\":[\"vinyl-label-attached\",\"contents-remaining\"]}";

        assertThat(O200K.countTokens(reply)).isLessThanOrEqualTo(REPLY_BUDGET);
    }

    private int tokensOfAVisionRequest(Taxonomy taxonomy) {
        int before = provider.requests().size();
        provider.adapters("budget-key", "gpt-4.1-mini", taxonomy, new RecordingModelCalls())
                .classifier()
                .classify(SampleFiles.vision("milk-carton.png", Instant.now().plusSeconds(30)));
        assertThat(provider.requests()).hasSize(before + 1);
        JsonNode request = provider.requests().getLast();
        String system = request.at("/messages/0/content").asText();
        String user = request.at("/messages/1/content/0/text").asText();
        assertThat(system).isNotBlank();
        assertThat(user).isNotBlank();
        // The response format as serialised on the wire: OpenAI counts the schema as input too.

        return O200K.countTokens(system)
                + O200K.countTokens(user)
                + O200K.countTokens(request.path("response_format").toString());
    }

    /** The same taxonomy with {@code perCategory} made-up items in each category. */
    private static Taxonomy withMoreItems(Taxonomy taxonomy, int perCategory) {
        List<MajorCategory> majors = new ArrayList<>();
        for (MajorCategory major : taxonomy.majors()) {
            List<MiddleCategory> middles = major.middles().stream()
                    .map(m -> new MiddleCategory(m.id(), m.names(), plus(m.id(), m.items(), perCategory), m.cue()))
                    .toList();
            List<Item> items = major.hasMiddles() ? List.of() : plus(major.id(), major.items(), perCategory);
            majors.add(new MajorCategory(major.id(), major.names(), major.recyclable(), middles, items, major.cue()));
        }
        return new Taxonomy(majors, taxonomy.situationTags());
    }

    private static List<Item> plus(NodeId parent, List<Item> items, int more) {
        List<Item> all = new ArrayList<>(items);
        IntStream.range(0, more)
                .forEach(i -> all.add(new Item(
                        NodeId.of(parent.value() + ".made-up-" + i),
                        Names.korean("가상 품목 " + parent.value() + " " + i, "가상 별칭 " + parent.value() + " " + i))));
        return all;
    }
}
