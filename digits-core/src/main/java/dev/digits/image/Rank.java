package dev.digits.image;

/**
 * Order statistics (median, percentiles) of float values in linear time, without sorting: a radix
 * selection on the values' bits, exact for any finite floats.
 */
final class Rank {
    /** The key's bits examined by each pass, highest first: small histograms, cheap to clear. */
    private static final int[] PASS_BITS = {11, 11, 10};

    private Rank() {}

    /** The median: the value at index {@code n / 2} of the first {@code n} values in ascending order. */
    static float median(float[] values, int n) {
        return kth(values, n, n / 2);
    }

    /**
     * The value at index {@code k} of the first {@code n} values in ascending order (0 = the smallest),
     * what {@code Arrays.sort} followed by indexing gives. Each pass histograms the next bits of the
     * values' order keys, among the values whose higher bits match those found so far, and keeps the bin
     * that holds rank {@code k}.
     */
    static float kth(float[] values, int n, int k) {
        if (k < 0 || k >= n || n > values.length) {
            throw new IllegalArgumentException("rank " + k + " of " + n + " values (array of " + values.length + ")");
        }
        int found = 0;
        int shift = Integer.SIZE;
        for (int bits : PASS_BITS) {
            int higher = shift; // the bits above this pass, already in found
            shift -= bits;
            int mask = (1 << bits) - 1;
            int[] counts = new int[1 << bits];
            // Equal neighbours are counted in a register first: a picture's background is one value
            // over long runs, and incrementing the same counter in memory value after value would wait
            // on the previous increment each time.
            int last = 0;
            int run = 0;
            for (int i = 0; i < n; i++) {
                int key = key(values[i]);
                if (higher == Integer.SIZE || (key ^ found) >>> higher == 0) {
                    int bin = (key >>> shift) & mask;
                    if (bin == last) {
                        run++;
                    } else {
                        counts[last] += run;
                        last = bin;
                        run = 1;
                    }
                }
            }
            counts[last] += run;
            int bin = 0;
            while (k >= counts[bin]) {
                k -= counts[bin++];
            }
            found |= bin << shift;
            if (shift > 0 && counts[bin] > 1) {
                Integer only = onlyKey(values, n, found, shift);
                if (only != null) {
                    return fromKey(only); // one value fills the bin: no need to look at its lower bits
                }
            }
        }
        return fromKey(found);
    }

    /**
     * The key of the values whose bits above {@code shift} are {@code found}'s, if they are all one
     * value, else null: a picture's median is often its background, one value over most of it. Stops
     * at the first value that differs.
     */
    private static Integer onlyKey(float[] values, int n, int found, int shift) {
        int first = 0;
        boolean seen = false;
        for (int i = 0; i < n; i++) {
            int key = key(values[i]);
            if ((key ^ found) >>> shift == 0) {
                if (!seen) {
                    first = key;
                    seen = true;
                } else if (key != first) {
                    return null;
                }
            }
        }
        return first;
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
