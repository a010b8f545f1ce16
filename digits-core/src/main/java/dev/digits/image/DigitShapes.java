package dev.digits.image;

/**
 * How wide each digit is written, relative to its height. Classifiers trained on single digits read
 * a pair of touching digits as one digit, often very surely; the pair's width gives it away: hardly
 * any 9 is 1.3 times as wide as high. Only the wide side counts: how narrow a digit can be depends
 * on the pen (a 1 drawn as a thin straight line is far narrower than any MNIST 1).
 */
final class DigitShapes {
    /** Shares of digits wider than the aspect ratios in {@link #WIDER_THAN}. */
    private static final double[] SHARE = {0.5, 0.05, 0.01, 0.001};
    /**
     * Per digit 0 to 9, the aspect ratio (ink width / height) that half, 5%, 1% and 0.1% of the 60,000
     * MNIST training digits exceed (ink: non-zero pixels of the 28x28 image, whose 20x20 fit keeps the
     * writer's proportions; box sides jittered by up to half a pixel to undo the rounding to whole pixels).
     */
    private static final double[][] WIDER_THAN = {
        {0.94, 1.19, 1.36, 1.65}, {0.42, 0.84, 1.00, 1.14}, {0.98, 1.28, 1.62, 2.06}, {0.82, 1.05, 1.21, 1.45},
        {0.82, 1.05, 1.21, 1.36}, {0.97, 1.39, 1.64, 1.94}, {0.77, 1.01, 1.12, 1.39}, {0.80, 1.04, 1.24, 1.56},
        {0.79, 1.03, 1.21, 1.45}, {0.70, 0.98, 1.04, 1.25},
    };
    /** Boxes no wider than the widest 2% of a digit's examples fit fully. */
    static final double TYPICAL_SHARE = 0.02;

    private DigitShapes() {}

    /**
     * How well a box fits {@code digit}: 1 up to the width of the widest {@value #TYPICAL_SHARE} of
     * examples, then the share of examples at least as wide relative to that (a 9 1.3 times as wide
     * as high: about 0.03). Between the measured shares it interpolates on log-log scales, and beyond
     * the widest measured it goes on with the last slope.
     */
    static double fit(int digit, Box box) {
        if (box.isEmpty()) {
            return 0;
        }
        double aspect = Math.log(box.width() / (double) box.height());
        double[] wider = WIDER_THAN[digit];
        int segment = 0;
        while (segment < SHARE.length - 2 && aspect > Math.log(wider[segment + 1])) {
            segment++;
        }
        double x0 = Math.log(wider[segment]);
        double x1 = Math.log(wider[segment + 1]);
        double y0 = Math.log(SHARE[segment]);
        double y1 = Math.log(SHARE[segment + 1]);
        double logShare = aspect <= x0 ? y0 : y0 + (aspect - x0) * (y1 - y0) / (x1 - x0);
        return Math.min(1, Math.exp(logShare) / TYPICAL_SHARE);
    }
}
