package nhssm.local.seed;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Deterministic random choices for the synthetic census. {@code maturity} (0 to 1) is a respondent's
 * latent capability; answers lean towards the better end of an ordered list as it grows, so the
 * answers of one trust are plausibly correlated with each other.
 */
final class Draw {

    private final Random random;

    Draw(long seed) {
        // Scrambled: java.util.Random's first draws are correlated for nearby seeds.
        this.random = new Random(mix(seed));
    }

    /** MurmurHash3's 64-bit finaliser: nearby inputs give unrelated outputs. */
    static long mix(long x) {
        x = (x ^ (x >>> 33)) * 0xff51afd7ed558ccdL;
        x = (x ^ (x >>> 33)) * 0xc4ceb93fe34e53L;
        return x ^ (x >>> 33);
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    double noise(double sd) {
        return random.nextGaussian() * sd;
    }

    /** A value in [0, 1] clustered around the middle (the mean of three uniforms). */
    double centred() {
        return (random.nextDouble() + random.nextDouble() + random.nextDouble()) / 3;
    }

    <T> T oneOf(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** One of {@code bestFirst}, nearer the front the higher the maturity. */
    String ladder(double maturity, String... bestFirst) {
        return bestFirst[(int) Math.round((1 - clamp(maturity + noise(0.15))) * (bestFirst.length - 1))];
    }

    /** A likert point 1–5 around 1 + 4 × maturity. */
    int likert(double maturity) {
        return (int) Math.round(1 + 4 * clamp(maturity + noise(0.15)));
    }

    /**
     * Each option independently, with probability {@code base + lift × maturity}; at most {@code max}
     * (the first ones drawn are kept). An empty draw is {@code none}, when the question has such a code.
     */
    List<String> subset(double maturity, double base, double lift, int max, String none, List<String> options) {
        List<String> chosen = new ArrayList<>();
        for (String option : options) {
            if (chosen.size() < max && chance(base + lift * maturity)) {
                chosen.add(option);
            }
        }
        if (chosen.isEmpty() && none != null) {
            chosen.add(none);
        }
        return chosen;
    }

    static double clamp(double x) {
        return Math.max(0, Math.min(1, x));
    }
}
