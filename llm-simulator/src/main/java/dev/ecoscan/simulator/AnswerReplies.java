package dev.ecoscan.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes eco-scan's answer ({@code user_answer}, {@code disposal_steps}, {@code insufficiencies}) from
 * the prompt itself, the way a grounded model would: the steps are the prompt's "- " lines, the
 * insufficiencies its lines marked {@value #ACTION_MARKER}, and the answer one or two short sentences.
 */
final class AnswerReplies {

    static final String USER_ANSWER = "user_answer";
    static final String STEPS = "disposal_steps";
    static final String INSUFFICIENCIES = "insufficiencies";
    static final String ACTION_MARKER = "[조치 필요]";
    static final String ITEM_PREFIX = "품목:";
    /** The answer prompt's limit ("많아야 3단계"), which a grounded model keeps. */
    static final int MAX_STEPS = 3;

    static final List<String> GENERIC_STEPS =
            List.of("내용물을 비우고 이물질을 깨끗이 씻어 냅니다.", "다른 재질로 된 부분은 떼어 내 따로 분리합니다.", "지정된 요일과 장소에 품목별로 나누어 배출합니다.");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** A schema this class answers: one with eco-scan's answer fields at the top. */
    static boolean fits(JsonNode schema) {
        JsonNode properties = schema.path("properties");
        return properties.has(USER_ANSWER) || properties.has(STEPS);
    }

    /** What the prompt grounds the answer in. */
    record Brief(Optional<String> item, List<String> steps, List<String> insufficiencies) {

        static Brief of(String prompt) {
            Optional<String> item = Optional.empty();
            List<String> steps = new ArrayList<>();
            List<String> insufficiencies = new ArrayList<>();
            for (String raw : prompt.split("\\R")) {
                String line = raw.strip();
                int marker = line.indexOf(ACTION_MARKER);
                if (marker >= 0) {
                    String text = stripLeading(line.substring(marker + ACTION_MARKER.length()), ":")
                            .strip();
                    if (!text.isEmpty()) {
                        insufficiencies.add(text);
                    }
                } else if (line.startsWith("- ")) {
                    String step = line.substring(2).strip();
                    if (!step.isEmpty() && steps.size() < MAX_STEPS) {
                        steps.add(step);
                    }
                } else if (line.startsWith(ITEM_PREFIX) && item.isEmpty()) {
                    // "품목: 재활용폐기물 > 종이팩 > 우유팩" names the item last.
                    String path = line.substring(ITEM_PREFIX.length());
                    String name = path.substring(path.lastIndexOf('>') + 1).strip();
                    item = name.isEmpty() ? Optional.empty() : Optional.of(name);
                }
            }
            return new Brief(item, steps.isEmpty() ? GENERIC_STEPS : steps, insufficiencies);
        }

        String userAnswer() {
            // Short, as the prompt asks (1-2 sentences of about 60 characters).
            String first = item.map(name -> name + topicParticle(name) + " 아래 순서로 내놓아요.")
                    .orElse("아래 순서로 내놓아요.");
            return insufficiencies.isEmpty() ? first : first + " 먼저 챙길 것이 " + insufficiencies.size() + "가지 있어요.";
        }
    }

    ObjectNode reply(ChatRequest request, JsonNode schema, SchemaFiller filler) {
        Brief brief = Brief.of(request.lastUserText());
        ObjectNode reply = NODES.objectNode();
        if (schema.isMissingNode()) {
            reply.put(USER_ANSWER, brief.userAnswer());
            reply.set(STEPS, strings(brief.steps(), Long.MAX_VALUE));
            reply.set(INSUFFICIENCIES, strings(brief.insufficiencies(), Long.MAX_VALUE));
            return reply;
        }
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            JsonNode field = filler.resolve(property.getValue());
            long maxItems = field.path("maxItems").asLong(Long.MAX_VALUE);
            JsonNode value = switch (property.getKey()) {
                case USER_ANSWER -> NODES.textNode(brief.userAnswer());
                case STEPS ->
                    SchemaFiller.type(field).equals("object")
                            ? numberedSteps(brief.steps(), field, filler)
                            : strings(brief.steps(), maxItems);
                case INSUFFICIENCIES -> strings(brief.insufficiencies(), maxItems);
                default -> filler.fill(field, 1);
            };
            reply.set(property.getKey(), value);
        }
        return reply;
    }

    /** The reply without a response format: the answer, then the steps and what is left to do. */
    String text(ChatRequest request) {
        Brief brief = Brief.of(request.lastUserText());
        StringBuilder text = new StringBuilder(brief.userAnswer());
        for (int i = 0; i < brief.steps().size(); i++) {
            text.append('\n').append(i + 1).append(". ").append(brief.steps().get(i));
        }
        brief.insufficiencies()
                .forEach(missing ->
                        text.append("\n").append(ACTION_MARKER).append(' ').append(missing));
        return text.toString();
    }

    private static ArrayNode strings(List<String> values, long maxItems) {
        ArrayNode array = NODES.arrayNode();
        values.stream().limit(maxItems).forEach(array::add);
        return array;
    }

    /** The reference API's form, {"단계1": ..., "단계2": ...}: the steps fill the object's properties in order. */
    private static ObjectNode numberedSteps(List<String> steps, JsonNode schema, SchemaFiller filler) {
        ObjectNode object = NODES.objectNode();
        Iterator<String> next = steps.iterator();
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            object.set(
                    property.getKey(),
                    next.hasNext() ? NODES.textNode(next.next()) : filler.fill(property.getValue(), 2));
        }
        return object;
    }

    private static String stripLeading(String text, String prefix) {
        String stripped = text.strip();
        return stripped.startsWith(prefix) ? stripped.substring(prefix.length()) : stripped;
    }

    /** 은 after a final consonant, 는 after a vowel; both when the last letter is not Hangul. */
    static String topicParticle(String word) {
        char last = word.charAt(word.length() - 1);
        if (last < '가' || last > '힣') {
            return "은(는)";
        }
        return (last - '가') % 28 == 0 ? "는" : "은";
    }
}
