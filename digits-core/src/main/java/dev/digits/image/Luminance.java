package dev.digits.image;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.util.Arrays;

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

    /**
     * The luminance at {@code width} x {@code height}: the values {@code Resampler.resize(of(image),
     * width, height)} gives. Where the height shrinks, an opaque picture of 8-bit samples is shrunk as
     * its rows are read, without a full-size copy in floats first.
     */
    public static FloatImage shrunk(BufferedImage image, int width, int height) {
        Interleaved bytes = height < image.getHeight() ? Interleaved.of(image) : null;
        if (bytes == null || !bytes.opaque()) {
            return Resampler.resize(of(image), width, height);
        }
        return Resampler.shrink(bytes.rows(), image.getWidth(), image.getHeight(), width, height);
    }

    private static void read(BufferedImage image, float[] luma, float[] alpha) {
        Interleaved bytes = Interleaved.of(image);
        if (bytes != null) {
            bytes.read(luma, alpha);
            return;
        }
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
                luma[y * width + x] = luma(r, g, b);
                if (alpha != null) {
                    alpha[y * width + x] = ((argb >>> 24) & 0xff) / 255f;
                }
            }
        }
    }

    /** ITU-R BT.601 weights, as most greyscale conversions (and PIL's "L" mode) use. */
    private static float luma(int r, int g, int b) {
        return (0.299f * r + 0.587f * g + 0.114f * b) / 255f;
    }

    /**
     * An image whose samples are 8-bit bytes in one array, read straight from that array: what PNG and
     * JPEG decode to for grey, grey with alpha, RGB and RGBA, and the same values {@code getRGB} or
     * {@code getSamples} give, without their per-pixel conversions. Colour must be sRGB (what
     * {@code getRGB} returns unchanged) and alpha not premultiplied.
     */
    private record Interleaved(
            byte[] data,
            int origin,
            int pixelStride,
            int scanlineStride,
            int[] bandOffsets,
            boolean grey,
            int width,
            int height) {
        static Interleaved of(BufferedImage image) {
            Raster raster = image.getRaster();
            if (!(image.getColorModel() instanceof ComponentColorModel model)
                    || model.isAlphaPremultiplied()
                    || !(raster.getDataBuffer() instanceof DataBufferByte buffer)
                    || buffer.getNumBanks() != 1
                    || !(raster.getSampleModel() instanceof ComponentSampleModel samples)) {
                return null;
            }
            boolean grey = model.getColorSpace().getType() == ColorSpace.TYPE_GRAY;
            int colourBands = grey ? 1 : 3;
            if (!grey && !model.getColorSpace().isCS_sRGB()
                    || raster.getNumBands() != colourBands + (model.hasAlpha() ? 1 : 0)) {
                return null;
            }
            for (int band = 0; band < raster.getNumBands(); band++) {
                if (samples.getSampleSize(band) != 8 || samples.getBankIndices()[band] != 0) {
                    return null;
                }
            }
            // The origin is the first pixel's first sample in memory, so that a pixel's samples lie
            // within pixelStride of where it starts (a raster may keep bytes before each row's samples).
            int[] bandOffsets = samples.getBandOffsets();
            int first = Arrays.stream(bandOffsets).min().orElse(0);
            for (int band = 0; band < bandOffsets.length; band++) {
                bandOffsets[band] -= first;
            }
            int origin = buffer.getOffset()
                    + first
                    + (raster.getMinY() - raster.getSampleModelTranslateY()) * samples.getScanlineStride()
                    + (raster.getMinX() - raster.getSampleModelTranslateX()) * samples.getPixelStride();
            return new Interleaved(
                    buffer.getData(),
                    origin,
                    samples.getPixelStride(),
                    samples.getScanlineStride(),
                    bandOffsets,
                    grey,
                    raster.getWidth(),
                    raster.getHeight());
        }

        void read(float[] luma, float[] alpha) {
            for (int y = 0; y < height; y++) {
                row(y, 0, width, luma, y * width);
            }
            if (alpha != null) {
                int alphaBand = bandOffsets[grey ? 1 : 3];
                for (int y = 0; y < height; y++) {
                    int p = origin + y * scanlineStride + alphaBand;
                    for (int x = 0; x < width; x++, p += pixelStride) {
                        alpha[y * width + x] = UNIT[data[p] & 0xff];
                    }
                }
            }
        }

        /** Writes the luminance of columns {@code from} to {@code to} of row {@code y} into {@code into} from {@code offset + from}. */
        void row(int y, int from, int to, float[] into, int offset) {
            int p = origin + y * scanlineStride + from * pixelStride;
            if (grey) {
                int q = p + bandOffsets[0];
                for (int x = from; x < to; x++, q += pixelStride) {
                    into[offset + x] = UNIT[data[q] & 0xff];
                }
                return;
            }
            int r = bandOffsets[0];
            int g = bandOffsets[1];
            int b = bandOffsets[2];
            for (int x = from; x < to; x++, p += pixelStride) {
                into[offset + x] = luma(data[p + r] & 0xff, data[p + g] & 0xff, data[p + b] & 0xff);
            }
        }

        /**
         * The picture's rows for {@link Resampler#shrink}, with the top-left pixel's luminance as the
         * background: a row's varying columns are those between its first and last pixel whose bytes
         * differ from the top-left pixel's (found a word at a time by {@link Arrays#mismatch}), so a
         * drawing on a plain canvas is shrunk with work only around its strokes.
         */
        Resampler.Rows rows() {
            int rowBytes = width * pixelStride;
            for (int offset : bandOffsets) {
                if (offset >= pixelStride) { // bands not interleaved pixel by pixel: no span to compare
                    return (y, from, to, into) -> row(y, from, to, into, 0);
                }
            }
            byte[] plain = new byte[rowBytes]; // a row of the top-left pixel's bytes
            for (int i = 0; i < rowBytes; i++) {
                plain[i] = data[origin + i % pixelStride];
            }
            float[] topLeft = new float[1];
            row(0, 0, 1, topLeft, 0);
            return new Resampler.Rows() {
                @Override
                public void read(int y, int from, int to, float[] into) {
                    row(y, from, to, into, 0);
                }

                @Override
                public float background() {
                    return topLeft[0];
                }

                @Override
                public void varying(int y, int width, int[] span) {
                    int p = origin + y * scanlineStride;
                    int first = Arrays.mismatch(data, p, p + rowBytes, plain, 0, rowBytes);
                    if (first < 0) {
                        span[0] = 0;
                        span[1] = 0;
                        return;
                    }
                    // From the right: a chunk at a time while the chunk is plain, then byte by byte.
                    int end = rowBytes;
                    while (end - first > PLAIN_CHUNK
                            && Arrays.equals(data, p + end - PLAIN_CHUNK, p + end, plain, end - PLAIN_CHUNK, end)) {
                        end -= PLAIN_CHUNK;
                    }
                    while (data[p + end - 1] == plain[end - 1]) {
                        end--;
                    }
                    span[0] = first / pixelStride;
                    span[1] = (end - 1) / pixelStride + 1;
                }
            };
        }

        /** Bytes compared at once from a row's end. */
        private static final int PLAIN_CHUNK = 32;

        /** Whether no pixel is even partly transparent: then the luminance needs no flattening. */
        boolean opaque() {
            if (bandOffsets.length == (grey ? 1 : 3)) {
                return true;
            }
            int alphaBand = bandOffsets[grey ? 1 : 3];
            for (int y = 0; y < height; y++) {
                int p = origin + y * scanlineStride + alphaBand;
                for (int x = 0; x < width; x++, p += pixelStride) {
                    if (data[p] != (byte) 0xff) {
                        return false;
                    }
                }
            }
            return true;
        }

        /** {@code UNIT[v] == v / 255f}: a lookup instead of a division per sample. */
        private static final float[] UNIT = new float[256];

        static {
            for (int v = 0; v < UNIT.length; v++) {
                UNIT[v] = v / 255f;
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
