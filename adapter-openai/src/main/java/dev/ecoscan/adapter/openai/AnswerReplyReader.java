package dev.ecoscan.adapter.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecoscan.domain.answer.Answer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Reads an answer reply as untrusted input: the domain's {@link Answer} rules decide what is usable. */
final class AnswerReplyReader implements ReplyReading.Reader<Answer> {

    /** Models number steps although told not to; the order is kept by the list itself. */
    private static final Pattern LEADING_NUMBER = Pattern.compile("^\\s*(?:\\d+[.)]|[-•·*])\\s*");

    private static final int MAX_STEPS = 8;

    @Override
    public ReplyReading<Answer> read(String content, boolean truncated) {
        return switch (ReplyReading.JsonObjects.read(content, truncated)) {
            case ReplyReading.Unusable<JsonNode> unusable -> new ReplyReading.Unusable<>(unusable.problem());
            case ReplyReading.Usable<JsonNode> usable -> read(usable.value());
        };
    }

    private static ReplyReading<Answer> read(JsonNode root) {
        List<String> steps = texts(root.path(AnswerSchema.STEPS));
        if (steps.size() > MAX_STEPS) {
            steps = steps.subList(0, MAX_STEPS);
        }
        try {
            return new ReplyReading.Usable<>(new Answer(
                    root.path(AnswerSchema.USER_ANSWER).asText(""),
                    steps,
                    texts(root.path(AnswerSchema.INSUFFICIENCIES))));
        } catch (IllegalArgumentException e) {
            return new ReplyReading.Unusable<>(
                    "답이 요건에 맞지 않는다: " + e.getMessage() + ". user_answer는 비어 있으면 안 되고 disposal_steps는 한 단계 이상이어야 한다.");
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> {
            String text =
                    LEADING_NUMBER.matcher(node.asText("")).replaceFirst("").strip();
            if (!text.isEmpty()) {
                texts.add(text);
            }
        });
        return texts;
    }
}
