package dev.digits.train;

import dev.digits.data.DigitSet;
import dev.digits.data.Seeds;
import dev.digits.image.FloatImage;
import java.util.SplittableRandom;

/**
 * Random distortions that make a network robust to how people really write: each image of a batch
 * gets its own affine warp (rotation, scale, shear, shift), a smooth elastic displacement and,
 * sometimes, a thicker or thinner stroke. Clothes (Fashion-MNIST) are not handwriting: they get the
 * usual mirror image and small shift instead. Works on a whole batch buffer at once (no per-sample
 * arrays); the randomness comes only from (seed, epoch, batch), so a resumed run sees the same images.
 */
public final class Augmentation {
    private static final int SIDE = DigitSet.SIDE;
    private static final double MAX_ROTATION = Math.toRadians(12);
    private static final double MAX_SCALE_CHANGE = 0.15;
    private static final double MAX_SHEAR = 0.15;
    private static final double MAX_SHIFT = 2.5;
    /** Elastic displacement: a coarse random grid (in pixels), upsampled bilinearly, so it is smooth. */
    private static final int ELASTIC_GRID = 4;

    private static final double ELASTIC_STRENGTH = 1.2;
    private static final double THICKEN_PROBABILITY = 0.2;
    private static final double THIN_PROBABILITY = 0.15;

    /** Shift of clothes, in whole pixels each way. */
    private static final int CLOTHES_SHIFT = 2;

    private Augmentation() {}

    /** As {@link #apply(byte[], int, long, int, int)}, with the distortions that suit the data set. */
    public static float[] apply(String dataset, byte[] pixels, int count, long seed, int epoch, int batch) {
        return dataset.equals("fashion")
                ? mirrorAndShift(pixels, count, seed, epoch, batch)
                : apply(pixels, count, seed, epoch, batch);
    }

    /** Each image mirrored left to right with probability one half, then shifted by up to {@value #CLOTHES_SHIFT} pixels. */
    static float[] mirrorAndShift(byte[] pixels, int count, long seed, int epoch, int batch) {
        SplittableRandom random = new SplittableRandom(Seeds.spread(seed) ^ ((long) epoch << 32) ^ batch);
        float[] out = new float[count * DigitSet.PIXELS];
        for (int i = 0; i < count; i++) {
            boolean mirror = random.nextBoolean();
            int dx = random.nextInt(-CLOTHES_SHIFT, CLOTHES_SHIFT + 1);
            int dy = random.nextInt(-CLOTHES_SHIFT, CLOTHES_SHIFT + 1);
            int offset = i * DigitSet.PIXELS;
            for (int y = 0; y < SIDE; y++) {
                int sy = y - dy;
                for (int x = 0; x < SIDE; x++) {
                    int sx = mirror ? SIDE - 1 - (x - dx) : x - dx;
                    if (sx >= 0 && sy >= 0 && sx < SIDE && sy < SIDE) {
                        out[offset + y * SIDE + x] = (pixels[offset + sy * SIDE + sx] & 0xFF) / 255f;
                    }
                }
            }
        }
        return out;
    }

    /**
     * Distorts {@code count} images given as uint8 pixels ({@code [count * 784]}) and returns them
     * as network inputs in [0, 1].
     */
    public static float[] apply(byte[] pixels, int count, long seed, int epoch, int batch) {
        SplittableRandom random = new SplittableRandom(Seeds.spread(seed) ^ ((long) epoch << 32) ^ batch);
        float[] out = new float[count * DigitSet.PIXELS];
        float[] source = new float[DigitSet.PIXELS];
        for (int i = 0; i < count; i++) {
            for (int p = 0; p < DigitSet.PIXELS; p++) {
                source[p] = (pixels[i * DigitSet.PIXELS + p] & 0xFF) / 255f;
            }
            double stroke = random.nextDouble();
            float[] image = stroke < THICKEN_PROBABILITY
                    ? morph(source, true)
                    : stroke < THICKEN_PROBABILITY + THIN_PROBABILITY ? morph(source, false) : source;
            warp(image, out, i * DigitSet.PIXELS, random);
        }
        return out;
    }

    /** Inverse-maps every output pixel through a random affine transform plus an elastic field, sampling bilinearly. */
    private static void warp(float[] in, float[] out, int offset, SplittableRandom random) {
        double angle = uniform(random, MAX_ROTATION);
        double scale = 1 + uniform(random, MAX_SCALE_CHANGE);
        double shear = uniform(random, MAX_SHEAR);
        double dx = uniform(random, MAX_SHIFT);
        double dy = uniform(random, MAX_SHIFT);
        double cos = Math.cos(angle) / scale;
        double sin = Math.sin(angle) / scale;
        double[] fieldX = coarseField(random);
        double[] fieldY = coarseField(random);
        double centre = (SIDE - 1) / 2.0;
        FloatImage source = new FloatImage(SIDE, SIDE, in);
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                double u = x - centre - dx;
                double v = y - centre - dy;
                double sx = cos * u + sin * v + shear * v + centre + field(fieldX, x, y);
                double sy = -sin * u + cos * v + centre + field(fieldY, x, y);
                out[offset + y * SIDE + x] = source.sample(sx, sy);
            }
        }
    }

    private static double[] coarseField(SplittableRandom random) {
        double[] grid = new double[ELASTIC_GRID * ELASTIC_GRID];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = uniform(random, ELASTIC_STRENGTH);
        }
        return grid;
    }

    private static double field(double[] grid, int x, int y) {
        double gx = x * (ELASTIC_GRID - 1) / (double) (SIDE - 1);
        double gy = y * (ELASTIC_GRID - 1) / (double) (SIDE - 1);
        int x0 = Math.min((int) gx, ELASTIC_GRID - 2);
        int y0 = Math.min((int) gy, ELASTIC_GRID - 2);
        double fx = gx - x0;
        double fy = gy - y0;
        return (1 - fy) * ((1 - fx) * grid[y0 * ELASTIC_GRID + x0] + fx * grid[y0 * ELASTIC_GRID + x0 + 1])
                + fy * ((1 - fx) * grid[(y0 + 1) * ELASTIC_GRID + x0] + fx * grid[(y0 + 1) * ELASTIC_GRID + x0 + 1]);
    }

    private static float pixel(float[] image, int x, int y) {
        return x < 0 || y < 0 || x >= SIDE || y >= SIDE ? 0f : image[y * SIDE + x];
    }

    /**
     * A greyscale dilation (thicker pen, blended by half) or erosion (thinner pen, blended by a third:
     * a full erosion would wipe out strokes that are already thin) with a plus-shaped neighbourhood.
     */
    private static float[] morph(float[] in, boolean thicken) {
        float[] out = new float[in.length];
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                float centre = in[y * SIDE + x];
                float extreme = centre;
                int[][] neighbours = {{x - 1, y}, {x + 1, y}, {x, y - 1}, {x, y + 1}};
                for (int[] n : neighbours) {
                    float v = pixel(in, n[0], n[1]);
                    extreme = thicken ? Math.max(extreme, v) : Math.min(extreme, v);
                }
                float weight = thicken ? 0.5f : 0.35f;
                out[y * SIDE + x] = centre + weight * (extreme - centre);
            }
        }
        return out;
    }

    private static double uniform(SplittableRandom random, double limit) {
        return (random.nextDouble() * 2 - 1) * limit;
    }
}
