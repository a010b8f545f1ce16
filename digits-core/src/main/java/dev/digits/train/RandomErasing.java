package dev.digits.train;

import dev.digits.data.DigitSet;
import dev.digits.data.Seeds;
import java.util.SplittableRandom;

/**
 * Random erasing (Zhong et al., 2020): with some probability an image gets a rectangle of random noise,
 * 2% to 40% of its area with an aspect ratio between 0.3 and 3.3, at a random place, so the network
 * learns to recognise from every part of the image, not only the most telling one. Works in place on a
 * batch of network inputs; the randomness comes only from (seed, epoch, batch), so a resumed run
 * sees the same images.
 */
final class RandomErasing {
    private static final int SIDE = DigitSet.SIDE;
    private static final double MIN_AREA = 0.02;
    private static final double MAX_AREA = 0.4;
    private static final double MIN_ASPECT = 0.3;
    /** Rectangles that do not fit are drawn again, up to this many times (then the image is left alone). */
    private static final int ATTEMPTS = 10;

    private RandomErasing() {}

    /** Erases in {@code inputs} ({@code count} images of 784 values in [0, 1]), each with {@code probability}. */
    static void apply(float[] inputs, int count, double probability, long seed, int epoch, int batch) {
        // A different stream from Augmentation's for the same (seed, epoch, batch).
        SplittableRandom random = new SplittableRandom(~Seeds.spread(seed) ^ ((long) epoch << 32) ^ batch);
        for (int i = 0; i < count; i++) {
            if (random.nextDouble() < probability) {
                erase(inputs, i * DigitSet.PIXELS, random);
            }
        }
    }

    private static void erase(float[] inputs, int offset, SplittableRandom random) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            double area = SIDE * SIDE * random.nextDouble(MIN_AREA, MAX_AREA);
            // Log-uniform aspect ratio, so that tall and wide rectangles are equally likely.
            double aspect = Math.exp(random.nextDouble(Math.log(MIN_ASPECT), -Math.log(MIN_ASPECT)));
            int height = (int) Math.round(Math.sqrt(area * aspect));
            int width = (int) Math.round(Math.sqrt(area / aspect));
            if (height < 1 || width < 1 || height > SIDE || width > SIDE) {
                continue;
            }
            int top = random.nextInt(SIDE - height + 1);
            int left = random.nextInt(SIDE - width + 1);
            for (int y = top; y < top + height; y++) {
                for (int x = left; x < left + width; x++) {
                    inputs[offset + y * SIDE + x] = (float) random.nextDouble();
                }
            }
            return;
        }
    }
}
