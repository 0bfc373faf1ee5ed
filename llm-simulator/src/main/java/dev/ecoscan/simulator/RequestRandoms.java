package dev.ecoscan.simulator;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * One random generator per request, split from a seeded root. Splitting is the only shared step and is
 * synchronized; each request then draws from its own generator without locks. The n-th request gets
 * the same generator in every run with the same seed.
 */
final class RequestRandoms {

    private final SplittableRandom root;

    RequestRandoms(long seed) {
        this.root = new SplittableRandom(seed);
    }

    synchronized RandomGenerator next() {
        return root.split();
    }
}
