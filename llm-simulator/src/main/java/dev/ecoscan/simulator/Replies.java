package dev.ecoscan.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecoscan.domain.taxonomy.Taxonomy;
import java.util.random.RandomGenerator;

/**
 * The assistant's message content for a request: JSON that fits its schema (eco-scan's vision and
 * answer schemas get consistent, grounded values; any other schema a generic fill), a short JSON
 * object for {@code json_object}, prose without a format; then bent by the content faults.
 */
final class Replies {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final VisionReplies vision;
    private final AnswerReplies answers = new AnswerReplies();

    Replies(Taxonomy taxonomy) {
        this.vision = new VisionReplies(taxonomy);
    }

    String content(ChatRequest request, Fault fault, RandomGenerator random) {
        boolean alien = fault == Fault.OUT_OF_TAXONOMY;
        boolean confused = fault == Fault.CONFUSE;
        String content = switch (request.format()) {
            case ChatRequest.ResponseFormat.JsonSchema(String name, JsonNode schema) -> {
                SchemaFiller filler = new SchemaFiller(schema, random);
                JsonNode reply = VisionReplies.fits(schema)
                        ? vision.reply(request, schema, filler, confused)
                        : AnswerReplies.fits(schema) ? answers.reply(request, schema, filler) : filler.fill();
                yield bent(reply, alien).toString();
            }
            case ChatRequest.ResponseFormat.JsonObject() -> {
                SchemaFiller filler = new SchemaFiller(NODES.objectNode(), random);
                ObjectNode reply = request.kind() == RequestKind.VISION
                        ? vision.reply(request, NODES.missingNode(), filler, confused)
                        : answers.reply(request, NODES.missingNode(), filler);
                yield bent(reply, alien).toString();
            }
            case ChatRequest.ResponseFormat.Text() ->
                request.kind() == RequestKind.VISION
                        ? (alien ? VisionReplies.outOfTaxonomyText() : vision.text(request, confused))
                        : answers.text(request);
        };
        return fault == Fault.MALFORMED_JSON ? malformed(content) : content;
    }

    private static JsonNode bent(JsonNode reply, boolean alien) {
        if (alien && reply instanceof ObjectNode object) {
            VisionReplies.outOfTaxonomy(object);
        }
        return reply;
    }

    /**
     * What a model does when it ignores the format: chatter, a code fence, and JSON that stops half way.
     * The prose in front alone keeps it from parsing.
     */
    static String malformed(String content) {
        int half = content.offsetByCodePoints(0, content.codePointCount(0, content.length()) / 2);
        return "물론이죠! 요청하신 결과는 다음과 같습니다:\n```json\n" + content.substring(0, half);
    }
}
