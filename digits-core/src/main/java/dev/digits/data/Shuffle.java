package dev.digits.data;

import java.util.SplittableRandom;

/** Reproducible orderings: the same (seed, epoch) always gives the same permutation. */
public final class Shuffle {
    private Shuffle() {}

    /** A permutation of {@code 0..n-1} for one epoch, derived only from the seed and the epoch number. */
    public static long[] permutation(int n, long seed, int epoch) {
        SplittableRandom random = new SplittableRandom(Seeds.spread(seed) + epoch);
        long[] order = new long[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            long swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }
}
