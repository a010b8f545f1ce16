package dev.digits.data;

/** Turns the user's seed into the starting points of independent random streams. */
public final class Seeds {
    /** 2^64 divided by the golden ratio: multiplying by it spreads nearby seeds (1, 2, 3) far apart. */
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private Seeds() {}

    /**
     * The seed spread over 64 bits; each use combines it with what tells its streams apart (an epoch,
     * a batch, a sample's index).
     */
    public static long spread(long seed) {
        return seed * GOLDEN_GAMMA;
    }
}
