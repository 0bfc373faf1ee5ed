package dev.ecoscan.adapter.openai;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The answer's text read out of a reply that arrives in pieces cut anywhere. */
class AnswerTextExtractorTest {

    private static final String REPLY = "{\"user_answer\": \"뚜껑은 \\\"플라스틱\\\"으로\\n버려요 \\ud83d\\ude00 끝\","
            + "\"disposal_steps\":[\"헹군다\"],\"insufficiencies\":[]}";

    @Test
    void every_cut_of_the_reply_gives_the_same_text_and_never_half_a_character() {
        String expected = "뚜껑은 \"플라스틱\"으로\n버려요 \ud83d\ude00 끝";
        for (int size = 1; size <= REPLY.length(); size++) {
            AnswerTextExtractor extractor = new AnswerTextExtractor();
            List<String> pieces = new ArrayList<>();
            for (int at = 0; at < REPLY.length(); at += size) {
                pieces.add(extractor.append(REPLY.substring(at, Math.min(REPLY.length(), at + size))));
            }
            assertThat(String.join("", pieces)).as("pieces of %d", size).isEqualTo(expected);
            assertThat(pieces)
                    .as("pieces of %d", size)
                    .noneMatch(
                            piece -> !piece.isEmpty() && Character.isHighSurrogate(piece.charAt(piece.length() - 1)));
        }
    }

    @Test
    void text_after_the_answer_field_is_not_sent() {
        AnswerTextExtractor extractor = new AnswerTextExtractor();

        assertThat(extractor.append("{\"user_answer\":\"네\",\"disposal_steps\":[\"user_answer\"]}"))
                .isEqualTo("네");
        assertThat(extractor.append("\"user_answer\":\"더\"")).isEmpty();
    }
}
