package dev.digits.image;

/** Otsu's threshold: the level that best separates two classes of values by their variance. */
public final class Otsu {
    private static final int BINS = 256;

    private Otsu() {}

    /**
     * The threshold for values in [0, 1] (values outside are clamped): the upper edge of the histogram
     * bin that maximises the between-class variance. All-equal values give 1, so nothing is above it.
     */
    public static float threshold(float[] values) {
        long[] histogram = new long[BINS];
        // Equal neighbours are counted in a register first (as in Rank): most of a picture is one
        // background level, and incrementing one counter in memory value after value waits on itself.
        int last = 0;
        float lastValue = Float.NaN; // equal to nothing: the first value is binned
        long run = 0;
        for (float v : values) {
            if (v == lastValue) {
                run++;
                continue;
            }
            lastValue = v;
            int bin = bin(v);
            if (bin == last) {
                run++;
            } else {
                histogram[last] += run;
                last = bin;
                run = 1;
            }
        }
        histogram[last] += run;
        long total = values.length;
        double sumAll = 0;
        for (int i = 0; i < BINS; i++) {
            sumAll += (double) i * histogram[i];
        }
        double sumBelow = 0;
        long below = 0;
        double bestVariance = -1;
        int best = BINS - 1;
        for (int i = 0; i < BINS - 1; i++) {
            below += histogram[i];
            sumBelow += (double) i * histogram[i];
            long above = total - below;
            if (below == 0 || above == 0) {
                continue;
            }
            double meanBelow = sumBelow / below;
            double meanAbove = (sumAll - sumBelow) / above;
            double variance = (double) below * above * (meanBelow - meanAbove) * (meanBelow - meanAbove);
            if (variance > bestVariance) {
                bestVariance = variance;
                best = i;
            }
        }
        return (best + 1f) / BINS;
    }

    private static int bin(float v) {
        return Math.max(0, Math.min(BINS - 1, (int) (v * BINS)));
    }
}
