package dev.ecoscan.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokensTest {

    @Test
    void a_token_is_about_three_utf8_bytes_so_one_hangul_syllable() {
        assertThat(Tokens.of("")).isZero();
        assertThat(Tokens.of("abc")).isEqualTo(1);
        assertThat(Tokens.of("abcd")).isEqualTo(2);
        assertThat(Tokens.of("우유팩")).isEqualTo(3);
    }

    @Test
    void a_cut_keeps_whole_characters_within_the_budget() {
        assertThat(Tokens.cut("우유팩입니다", 2)).isEqualTo("우유");
        assertThat(Tokens.cut("ab우유", 1)).isEqualTo("ab");
        assertThat(Tokens.cut("짧음", 100)).isEqualTo("짧음");
    }

    @Test
    void streamed_deltas_split_the_content_without_losing_a_character() {
        String content = "{\"user_answer\":\"우유팩은 헹궈서 펼친 뒤 종이팩 전용 수거함에 넣으세요.\"}";

        assertThat(String.join("", CompletionStream.deltas(content))).isEqualTo(content);
        assertThat(CompletionStream.deltas(content)).hasSizeGreaterThan(2);
        assertThat(CompletionStream.deltas("")).isEmpty();
    }
}
