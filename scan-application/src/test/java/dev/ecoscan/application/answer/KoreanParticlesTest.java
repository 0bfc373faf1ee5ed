package dev.ecoscan.application.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KoreanParticlesTest {

    @Test
    void the_topic_particle_follows_the_last_syllable() {
        assertThat(KoreanParticles.topic("우유팩")).isEqualTo("우유팩은");
        assertThat(KoreanParticles.topic("종이")).isEqualTo("종이는");
        assertThat(KoreanParticles.topic("PET")).isEqualTo("PET은(는)");
    }

    @Test
    void the_direction_particle_treats_rieul_like_a_vowel() {
        assertThat(KoreanParticles.direction("유리병")).isEqualTo("유리병으로");
        assertThat(KoreanParticles.direction("전지")).isEqualTo("전지로");
        assertThat(KoreanParticles.direction("비닐")).isEqualTo("비닐로");
        assertThat(KoreanParticles.direction("CD")).isEqualTo("CD(으)로");
    }
}
