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
        // Values of which more than half are the first (a picture's background, from its corner): those
        // copies, together in order, must cover the middle index. A count is far cheaper than a pass of
        // the selection, above all in the quick compiler's code.
        if (n > 0 && n <= values.length && copiesOfFirst(values, n) > n / 2) {
            return values[0];
        }
        return kth(values, n, n / 2);
    }

    /** How many of the first {@code n} values have the first one's bits (so its place in the order). */
    private static int copiesOfFirst(float[] values, int n) {
        int first = Float.floatToRawIntBits(values[0]);
        int copies = 0;
        for (int i = 0; i < n; i++) {
            if (Float.floatToRawIntBits(values[i]) == first) {
                copies++;
            }
        }
        return copies;
    }

    /**
     * The value at index {@code k} of the first {@code n} values in ascending order (0 = the smallest),
     * what {@code Arrays.sort} followed by indexing gives. Each pass histograms the next bits of the
     * values' order keys, among the values whose higher bits match those found so far, and keeps the bin
     * that holds rank {@code k}; a bin that holds one key only is the answer at once (a picture's median
     * is often its background, one value over most of it).
     */
    static float kth(float[] values, int n, int k) {
        if (k < 0 || k >= n || n > values.length) {
            throw new IllegalArgumentException("rank " + k + " of " + n + " values (array of " + values.length + ")");
        }
        int found = 0;
        int shift = Integer.SIZE;
        for (int bits : PASS_BITS) {
            Histogram histogram = new Histogram(bits, shift, shift - bits, found);
            shift -= bits;
            // Equal neighbours are counted in a register first: a picture's background is one value
            // over long runs, and counting it in memory value after value would wait on the previous
            // count each time.
            int runKey = key(values[0]);
            int run = 0;
            for (int i = 0; i < n; i++) {
                int key = key(values[i]);
                if (key == runKey) {
                    run++;
                } else {
                    histogram.add(runKey, run);
                    runKey = key;
                    run = 1;
                }
            }
            histogram.add(runKey, run);
            int bin = 0;
            while (k >= histogram.counts[bin]) {
                k -= histogram.counts[bin++];
            }
            if (!histogram.mixed[bin]) {
                return fromKey(histogram.firstKey[bin]);
            }
            found |= bin << shift;
        }
        return fromKey(found);
    }

    /** Counts of keys by the bits below {@code higher} down to {@code shift}, of keys whose bits above match {@code found}'s. */
    private static final class Histogram {
        final int[] counts;
        /** The first key counted in each bin, and whether another key was counted there too. */
        final int[] firstKey;

        final boolean[] mixed;
        private final int higher;
        private final int shift;
        private final int mask;
        private final int found;

        Histogram(int bits, int higher, int shift, int found) {
            this.counts = new int[1 << bits];
            this.firstKey = new int[1 << bits];
            this.mixed = new boolean[1 << bits];
            this.higher = higher;
            this.shift = shift;
            this.mask = (1 << bits) - 1;
            this.found = found;
        }

        void add(int key, int times) {
            if (higher != Integer.SIZE && (key ^ found) >>> higher != 0) {
                return;
            }
            int bin = (key >>> shift) & mask;
            if (counts[bin] == 0) {
                firstKey[bin] = key;
            } else if (firstKey[bin] != key) {
                mixed[bin] = true;
            }
            counts[bin] += times;
        }
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
