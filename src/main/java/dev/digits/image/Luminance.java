package dev.digits.image;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;

/**
 * Greyscale of a decoded image, 0 = black, 1 = white, with transparency flattened onto the background
 * that keeps the ink visible.
 *
 * <p>Why the background matters: a drawing exported with a transparent canvas stores only its strokes;
 * flattened onto white, black strokes stay visible but white strokes vanish (and the other way round).
 * So when most of the image is transparent, the opaque part is the ink and is flattened onto the
 * opposite of its own brightness; when most is opaque (a photo with a few transparent pixels), the
 * opaque part is mostly paper and transparent pixels take the paper's median brightness.
 */
public final class Luminance {
    private static final double MOSTLY_TRANSPARENT = 0.5;

    private Luminance() {}

    public static FloatImage of(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        float[] luma = new float[width * height];
        // A photo has no alpha; skipping the array matters for the largest images we accept.
        float[] alpha = image.getColorModel().hasAlpha() ? new float[width * height] : null;
        read(image, luma, alpha);
        if (alpha != null) {
            flatten(luma, alpha);
        }
        return new FloatImage(width, height, luma);
    }

    private static void read(BufferedImage image, float[] luma, float[] alpha) {
        if (isPlainGrey(image)) {
            readGreySamples(image.getRaster(), luma, alpha);
            return;
        }
        int width = image.getWidth();
        int[] row = new int[width];
        for (int y = 0; y < image.getHeight(); y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                int argb = row[x];
                int r = (argb >>> 16) & 0xff;
                int g = (argb >>> 8) & 0xff;
                int b = argb & 0xff;
                // ITU-R BT.601 weights, as most greyscale conversions (and PIL's "L" mode) use.
                luma[y * width + x] = (0.299f * r + 0.587f * g + 0.114f * b) / 255f;
                if (alpha != null) {
                    alpha[y * width + x] = ((argb >>> 24) & 0xff) / 255f;
                }
            }
        }
    }

    /**
     * Grey images (with or without alpha) are read from their samples: {@code getRGB} would convert
     * Java's linear grey colour space to sRGB and brighten every mid-grey, while the file's grey values
     * are already what a viewer shows.
     */
    private static boolean isPlainGrey(BufferedImage image) {
        var model = image.getColorModel();
        return model.getColorSpace().getType() == ColorSpace.TYPE_GRAY
                && image.getRaster().getNumBands() == (model.hasAlpha() ? 2 : 1)
                && !model.isAlphaPremultiplied();
    }

    private static void readGreySamples(Raster raster, float[] luma, float[] alpha) {
        int width = raster.getWidth();
        int bands = raster.getNumBands();
        float greyMax = (1 << raster.getSampleModel().getSampleSize(0)) - 1;
        float alphaMax = bands == 2 ? (1 << raster.getSampleModel().getSampleSize(1)) - 1 : 1;
        int[] grey = new int[width];
        int[] opacity = new int[width];
        for (int y = 0; y < raster.getHeight(); y++) {
            raster.getSamples(0, y, width, 1, 0, grey);
            if (bands == 2) {
                raster.getSamples(0, y, width, 1, 1, opacity);
            }
            for (int x = 0; x < width; x++) {
                luma[y * width + x] = grey[x] / greyMax;
                if (alpha != null) {
                    alpha[y * width + x] = opacity[x] / alphaMax;
                }
            }
        }
    }

    private static void flatten(float[] luma, float[] alpha) {
        double transparent = 0;
        boolean anyTransparency = false;
        for (float a : alpha) {
            transparent += 1 - a;
            anyTransparency |= a < 1;
        }
        if (!anyTransparency) {
            return;
        }
        float background = transparent / alpha.length >= MOSTLY_TRANSPARENT
                ? contrastingBackground(luma, alpha)
                : paperBrightness(luma, alpha);
        for (int i = 0; i < luma.length; i++) {
            luma[i] = alpha[i] * luma[i] + (1 - alpha[i]) * background;
        }
    }

    /** Black behind light strokes, white behind dark ones, judged by the opacity-weighted mean. */
    private static float contrastingBackground(float[] luma, float[] alpha) {
        double weighted = 0;
        double weight = 0;
        for (int i = 0; i < luma.length; i++) {
            weighted += alpha[i] * luma[i];
            weight += alpha[i];
        }
        if (weight == 0) {
            return 0; // nothing drawn at all; any background gives "no digit"
        }
        return weighted / weight >= 0.5 ? 0f : 1f;
    }

    /** The median brightness of the mostly opaque pixels. */
    private static float paperBrightness(float[] luma, float[] alpha) {
        float[] opaque = new float[luma.length];
        int n = 0;
        for (int i = 0; i < luma.length; i++) {
            if (alpha[i] >= 0.5f) {
                opaque[n++] = luma[i];
            }
        }
        return Rank.median(opaque, n);
    }
}
