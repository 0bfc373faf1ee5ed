package dev.ecoscan.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecoscan.data.KnowledgeBase;
import dev.ecoscan.domain.taxonomy.MajorCategory;
import dev.ecoscan.domain.taxonomy.MiddleCategory;
import dev.ecoscan.domain.taxonomy.SituationTag;
import dev.ecoscan.domain.taxonomy.Taxonomy;
import dev.ecoscan.testkit.PngText;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Set;
import javax.imageio.ImageIO;

/** Request bodies shaped like the ones eco-scan's OpenAI adapter sends, with its two schemas. */
final class Requests {

    static final Taxonomy TAXONOMY = KnowledgeBase.embedded().taxonomy();
    static final String MODEL = "gpt-4.1-mini";

    private Requests() {}

    /** Vision: a system prompt, the user's text and the image as a data URL, and the classification schema. */
    static ObjectNode vision(byte[] png) {
        ObjectNode body = body();
        messages(body).addObject().put("role", "system").put("content", "사진 속 폐기물을 분류하세요.");
        ArrayNode parts = messages(body).addObject().put("role", "user").putArray("content");
        parts.addObject().put("type", "text").put("text", "이 물건은 어떻게 버리나요?");
        parts.addObject()
                .put("type", "image_url")
                .putObject("image_url")
                .put("url", "data:image/png;base64," + Base64.getEncoder().encodeToString(png))
                .put("detail", "low");
        schema(body, "waste_classification", visionSchema());
        return body;
    }

    /** Answer: the prompt in the layout eco-scan writes, and the answer schema. */
    static ObjectNode answer(String system, String user) {
        ObjectNode body = body();
        messages(body).addObject().put("role", "system").put("content", system);
        messages(body).addObject().put("role", "user").put("content", user);
        schema(body, "disposal_answer", answerSchema());
        return body;
    }

    static ObjectNode answer(String user) {
        return answer("분리배출 안내 문장을 JSON으로 쓰세요.", user);
    }

    /** The shape of eco-scan's vision schema: small category enums, the item as free text, tag enums. */
    static ObjectNode visionSchema() {
        Set<String> middles = new LinkedHashSet<>();
        middles.add("");
        ObjectNode schema = objectSchema();
        ObjectNode properties = schema.putObject("properties");
        ArrayNode majors = enumProperty(properties, VisionReplies.MAJOR);
        for (MajorCategory major : TAXONOMY.majors()) {
            majors.add(major.name());
            major.middles().stream().map(MiddleCategory::name).forEach(middles::add);
        }
        majors.add("미분류");
        middles.forEach(enumProperty(properties, VisionReplies.MIDDLE)::add);
        properties.putObject(VisionReplies.ITEM).put("type", "string");
        ObjectNode tags = properties.putObject(VisionReplies.TAGS).put("type", "array");
        ArrayNode labels = tags.putObject("items").put("type", "string").putArray("enum");
        TAXONOMY.situationTags().stream().map(SituationTag::label).forEach(labels::add);
        requireAll(schema);
        return schema;
    }

    static ObjectNode answerSchema() {
        ObjectNode schema = objectSchema();
        ObjectNode properties = schema.putObject("properties");
        properties.putObject(AnswerReplies.USER_ANSWER).put("type", "string");
        properties
                .putObject(AnswerReplies.STEPS)
                .put("type", "array")
                .putObject("items")
                .put("type", "string");
        properties
                .putObject(AnswerReplies.INSUFFICIENCIES)
                .put("type", "array")
                .putObject("items")
                .put("type", "string");
        requireAll(schema);
        return schema;
    }

    static ObjectNode body() {
        ObjectNode body = SimulatorClient.JSON.createObjectNode();
        body.put("model", MODEL).put("temperature", 0);
        body.putArray("messages");
        return body;
    }

    static void schema(ObjectNode body, String name, JsonNode schema) {
        ObjectNode format = body.putObject("response_format").put("type", "json_schema");
        format.putObject("json_schema").put("name", name).put("strict", true).set("schema", schema);
    }

    /** A tiny real PNG, as ImageIO writes it. */
    static byte[] tinyPng() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A tiny PNG labelled with an item id and, when given, situation tag ids. */
    static byte[] labelledPng(String itemId, String tags) {
        byte[] png = PngText.write(tinyPng(), PngText.ITEM_KEY, itemId);
        return tags.isEmpty() ? png : PngText.write(png, PngText.TAGS_KEY, tags);
    }

    static ArrayNode messages(ObjectNode body) {
        return (ArrayNode) body.get("messages");
    }

    private static ObjectNode objectSchema() {
        return SimulatorClient.JSON.createObjectNode().put("type", "object").put("additionalProperties", false);
    }

    private static ArrayNode enumProperty(ObjectNode properties, String name) {
        return properties.putObject(name).put("type", "string").putArray("enum");
    }

    private static void requireAll(ObjectNode schema) {
        ArrayNode required = schema.putArray("required");
        schema.get("properties").properties().forEach(property -> required.add(property.getKey()));
    }
}
