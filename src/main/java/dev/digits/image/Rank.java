package dev.digits.image;

/**
 * Order statistics (median, percentiles) of float values in linear time, without sorting: a radix
 * selection on the values' bits, exact for any finite floats.
 */
final class Rank {
    private static final int HALF = 16;
    private static final int BINS = 1 << HALF;

    private Rank() {}

    /** The median: the value at index {@code n / 2} of the first {@code n} values in ascending order. */
    static float median(float[] values, int n) {
        return kth(values, n, n / 2);
    }

    /**
     * The value at index {@code k} of the first {@code n} values in ascending order (0 = the smallest),
     * what {@code Arrays.sort} followed by indexing gives. Two passes: a histogram of the high 16 bits of
     * the values' order keys finds the bin holding rank {@code k}, a histogram of the low 16 bits of the
     * values in that bin the value itself.
     */
    static float kth(float[] values, int n, int k) {
        if (k < 0 || k >= n || n > values.length) {
            throw new IllegalArgumentException("rank " + k + " of " + n + " values (array of " + values.length + ")");
        }
        int[] counts = new int[BINS];
        for (int i = 0; i < n; i++) {
            counts[key(values[i]) >>> HALF]++;
        }
        int high = 0;
        while (k >= counts[high]) {
            k -= counts[high++];
        }
        java.util.Arrays.fill(counts, 0);
        for (int i = 0; i < n; i++) {
            int key = key(values[i]);
            if (key >>> HALF == high) {
                counts[key & (BINS - 1)]++;
            }
        }
        int low = 0;
        while (k >= counts[low]) {
            k -= counts[low++];
        }
        return fromKey(high << HALF | low);
    }

    /** The float's bits as an int whose unsigned order is the floats' order. */
    private static int key(float value) {
        int bits = Float.floatToRawIntBits(value);
        return bits ^ ((bits >> 31) | 0x80000000);
    }

    private static float fromKey(int key) {
        return Float.intBitsToFloat(key < 0 ? key ^ 0x80000000 : ~key);
    }
}
