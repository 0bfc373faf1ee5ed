package dev.ecoscan.simulator;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How long a provider takes, from the reference system's measurements: a vision call takes 3.0 to
 * 4.5 s, an answer 0.8 s plus its output at 35 tokens a second. Both get a lognormal tail (median 1,
 * sigma 0.25, capped at 3x), the slow calls that make a p99. Everything is multiplied by the speed.
 */
final class LatencyModel {

    private static final double VISION_MIN_SECONDS = 3.0;
    private static final double VISION_SPREAD_SECONDS = 1.5;
    /** Most of a vision call is reading the image and the taxonomy prompt, before the first token. */
    private static final double VISION_FIRST_TOKEN_SHARE = 0.8;

    private static final double ANSWER_FIRST_TOKEN_SECONDS = 0.8;
    private static final double ANSWER_TOKENS_PER_SECOND = 35;
    private static final double TAIL_SIGMA = 0.25;
    private static final double TAIL_CAP = 3.0;

    private final double speed;

    LatencyModel(double speed) {
        this.speed = speed;
    }

    /** The wait before the first token and the time spent writing the rest. */
    record Latency(Duration firstToken, Duration generation) {

        Duration total() {
            return firstToken.plus(generation);
        }
    }

    /** Draws the same numbers whatever the speed, so a run at another speed makes the same other choices. */
    Latency of(RequestKind kind, int completionTokens, RandomGenerator random) {
        double uniform = random.nextDouble();
        double tail = Math.min(TAIL_CAP, Math.exp(TAIL_SIGMA * random.nextGaussian()));
        return switch (kind) {
            case VISION -> {
                double total = (VISION_MIN_SECONDS + VISION_SPREAD_SECONDS * uniform) * tail;
                yield latency(total * VISION_FIRST_TOKEN_SHARE, total * (1 - VISION_FIRST_TOKEN_SHARE));
            }
            case ANSWER ->
                latency(ANSWER_FIRST_TOKEN_SECONDS * tail, completionTokens / ANSWER_TOKENS_PER_SECOND * tail);
        };
    }

    private Latency latency(double firstTokenSeconds, double generationSeconds) {
        return new Latency(scaled(firstTokenSeconds), scaled(generationSeconds));
    }

    private Duration scaled(double seconds) {
        return Duration.ofNanos(Math.round(seconds * speed * 1e9));
    }
}
