package dev.ecoscan.application.answer;

/**
 * Picks the Korean particle that fits the word before it, by whether its last syllable ends in a
 * final consonant (우유팩은 / 소주병은 / 종이는; 종이팩으로 / 유리병으로 / 전지로). Words that do not end
 * in Hangul get the neutral written form ("PET은(는)").
 */
final class KoreanParticles {

    private static final char FIRST_SYLLABLE = '가';
    private static final char LAST_SYLLABLE = '힣';
    private static final int FINALS = 28;
    /** The final consonant ㄹ, which takes 로 rather than 으로. */
    private static final int RIEUL = 8;

    private KoreanParticles() {}

    /** The topic particle: 은 after a final consonant, 는 after a vowel. */
    static String topic(String word) {
        return word
                + switch (finalConsonant(word)) {
                    case -1 -> "은(는)";
                    case 0 -> "는";
                    default -> "은";
                };
    }

    /** The direction particle: 으로 after a final consonant other than ㄹ, 로 otherwise. */
    static String direction(String word) {
        int last = finalConsonant(word);
        return word + (last == -1 ? "(으)로" : last == 0 || last == RIEUL ? "로" : "으로");
    }

    /** 0 for a final vowel, the final consonant's index for a consonant, -1 when not Hangul. */
    private static int finalConsonant(String word) {
        String trimmed = word.strip();
        if (trimmed.isEmpty()) {
            return -1;
        }
        char last = trimmed.charAt(trimmed.length() - 1);
        if (last < FIRST_SYLLABLE || last > LAST_SYLLABLE) {
            return -1;
        }
        return (last - FIRST_SYLLABLE) % FINALS;
    }
}
