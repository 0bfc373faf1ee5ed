package dev.ecoscan.adapter.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecoscan.domain.answer.Answer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Reads an answer reply as untrusted input; problems go back to the model in a repair. */
final class AnswerReplyReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Models number steps although told not to; the order is kept by the list itself. */
    private static final Pattern LEADING_NUMBER = Pattern.compile("^\\s*(?:\\d+[.)]|[-•·*])\\s*");
    private static final int MAX_STEPS = 8;

    sealed interface Reading {
        record Valid(Answer answer) implements Reading {
        }

        record Invalid(String problem) implements Reading {
        }
    }

    Reading read(String content, boolean truncated) {
        if (truncated) {
            return new Reading.Invalid("응답이 출력 토큰 한도에서 잘렸다. 더 짧게, JSON 하나만 답하라.");
        }
        JsonNode root;
        try {
            root = JSON.readTree(content);
        } catch (JsonProcessingException e) {
            return new Reading.Invalid("응답이 올바른 JSON이 아니다: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            return new Reading.Invalid("응답이 JSON 객체가 아니다.");
        }
        List<String> steps = texts(root.path(AnswerSchema.STEPS));
        if (steps.size() > MAX_STEPS) {
            steps = steps.subList(0, MAX_STEPS);
        }
        try {
            return new Reading.Valid(new Answer(root.path(AnswerSchema.USER_ANSWER).asText(""), steps,
                    texts(root.path(AnswerSchema.INSUFFICIENCIES))));
        } catch (IllegalArgumentException e) {
            return new Reading.Invalid("답이 요건에 맞지 않는다: " + e.getMessage()
                    + ". user_answer는 비어 있으면 안 되고 disposal_steps는 한 단계 이상이어야 한다.");
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> {
            String text = LEADING_NUMBER.matcher(node.asText("")).replaceFirst("").strip();
            if (!text.isEmpty()) {
                texts.add(text);
            }
        });
        return texts;
    }
}
