package dev.digits.image;

import java.util.Arrays;
import java.util.List;

/**
 * Finds the ink in a luminance image: decides the polarity, subtracts the estimated background
 * (uneven lighting, tinted paper), thresholds the remaining contrast with Otsu's method and drops
 * what lies along the border (the table around a photographed page, unless nothing else is there) and specks. Ink strength is rescaled so that a typical stroke core is 1, as in MNIST, whatever the
 * pen and the lighting.
 */
public final class InkExtractor {
    /**
     * Contrast against the background that ink must at least have (on the 0..1 scale): below it, the
     * image is blank paper or noise, whatever Otsu makes of its histogram.
     */
    static final float MIN_INK_CONTRAST = 0.15f;
    /** The stroke-core level that becomes full ink: this percentile of contrast within the ink. */
    private static final double CORE_PERCENTILE = 0.9;

    private static final int ONE_BITS = Float.floatToRawIntBits(1f);

    private InkExtractor() {}

    public static InkMap extract(FloatImage luminance) {
        return extract(luminance, Polarity.detect(luminance));
    }

    /** The ink of a luminance image whose polarity is known. */
    public static InkMap extract(FloatImage luminance, Polarity polarity) {
        FloatImage inkUp = polarity.inkUp(luminance);
        float[] contrast = Background.subtract(inkUp);
        float threshold = Math.max(Otsu.threshold(contrast), MIN_INK_CONTRAST);
        int width = luminance.width();
        int height = luminance.height();
        ConnectedComponents.Labelling labelling = ConnectedComponents.label(contrast, threshold, width, height);
        List<Component> inside = BorderClutter.removeFrom(labelling.components(), BorderClutter.of(labelling));
        List<Component> kept = Specks.removeFrom(inside, width, height);
        if (kept.isEmpty()) {
            // Nothing but what lies along the border: a digit cropped tightly, not a blank page.
            kept = Specks.removeFrom(labelling.components(), width, height);
        }
        if (kept.isEmpty()) {
            return new InkMap(FloatImage.blank(width, height), blankLabels(contrast.length), List.of(), polarity);
        }
        int[] labels = keepOnly(labelling, kept);
        float[] ink = strengthInPlace(contrast, labels, kept, threshold, width, height);
        return new InkMap(new FloatImage(width, height, ink), labels, kept, polarity);
    }

    /** The labelling's labels (changed in place), {@link ConnectedComponents#NONE} where a component is not kept. */
    private static int[] keepOnly(ConnectedComponents.Labelling labelling, List<Component> kept) {
        int[] labels = labelling.labels();
        if (kept.size() == labelling.components().size()) {
            return labels;
        }
        boolean[] keep = Component.members(kept.stream().map(Component::id).toList());
        for (Component c : labelling.components()) {
            if (Component.isMember(keep, c.id())) {
                continue;
            }
            Box box = c.box();
            for (int y = box.y(); y < box.bottom(); y++) {
                for (int p = y * labelling.width() + box.x(); p < y * labelling.width() + box.right(); p++) {
                    if (labels[p] == c.id()) {
                        labels[p] = ConnectedComponents.NONE;
                    }
                }
            }
        }
        return labels;
    }

    /**
     * Ink strength, written over the contrast: contrast mapped linearly so that half the threshold is 0
     * and the stroke core is 1, which keeps the anti-aliased falloff of stroke edges instead of a hard
     * binary edge. Only the kept strokes and the faint rim just outside them (what anti-aliasing and
     * blur leave) keep their ink; a rim pixel takes the label of a stroke it touches, as the labels
     * were before any rim joined them, so that a rim never extends a rim. Every other pixel is
     * background.
     */
    private static float[] strengthInPlace(
            float[] contrast, int[] labels, List<Component> kept, float threshold, int width, int height) {
        // Only the kept strokes and the pixels touching them keep ink: nothing beyond the strokes' box,
        // grown by a pixel, is looked at.
        Box reach = kept.stream().map(Component::box).reduce(Box::union).orElseThrow();
        int left = Math.max(0, reach.x() - 1);
        int right = Math.min(width, reach.right() + 1);
        int top = Math.max(0, reach.y() - 1);
        int bottom = Math.min(height, reach.bottom() + 1);
        // The kept components' pixels: exactly those with a label, as many as their areas add up to.
        float[] inside = new float[kept.stream().mapToInt(Component::area).sum()];
        int n = 0;
        for (int y = top; y < bottom; y++) {
            for (int i = y * width + left; i < y * width + right; i++) {
                if (labels[i] != ConnectedComponents.NONE) {
                    inside[n++] = contrast[i];
                }
            }
        }
        float core = Rank.kth(inside, n, (int) Math.min(n - 1, Math.floor(CORE_PERCENTILE * n)));
        float low = threshold / 2;
        float range = core - low;
        Arrays.fill(contrast, 0, top * width, 0f);
        Arrays.fill(contrast, bottom * width, contrast.length, 0f);
        for (int y = top; y < bottom; y++) {
            Arrays.fill(contrast, y * width, y * width + left, 0f);
            Arrays.fill(contrast, y * width + right, (y + 1) * width, 0f);
            for (int p = y * width + left; p < y * width + right; p++) {
                // Clamped to [0, 1] on the float's bits: those of a negative float (and of -0) are a
                // negative int, and positive floats order as their bits do (range > 0: no NaN arises).
                // Math.max and Math.min on floats are calls in the quick compiler's code.
                int strength = Float.floatToRawIntBits((contrast[p] - low) / range);
                contrast[p] = Float.intBitsToFloat(Math.min(Math.max(strength, 0), ONE_BITS));
            }
        }
        int[] rims = new int[64]; // pairs of pixel and label, labelled once every pixel is done
        int count = 0;
        for (int y = top; y < bottom; y++) {
            for (int p = y * width + left, x = left; x < right; x++, p++) {
                if (contrast[p] > 0 && labels[p] == ConnectedComponents.NONE) {
                    int neighbour = touchingLabel(labels, width, height, x, y);
                    if (neighbour == ConnectedComponents.NONE) {
                        contrast[p] = 0;
                    } else {
                        if (count + 2 > rims.length) {
                            rims = Arrays.copyOf(rims, 2 * rims.length);
                        }
                        rims[count++] = p;
                        rims[count++] = neighbour;
                    }
                }
            }
        }
        for (int i = 0; i < count; i += 2) {
            labels[rims[i]] = rims[i + 1];
        }
        return contrast;
    }

    private static int touchingLabel(int[] labels, int width, int height, int x, int y) {
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                int nx = x + dx;
                int ny = y + dy;
                if (nx >= 0
                        && ny >= 0
                        && nx < width
                        && ny < height
                        && labels[ny * width + nx] != ConnectedComponents.NONE) {
                    return labels[ny * width + nx];
                }
            }
        }
        return ConnectedComponents.NONE;
    }

    private static int[] blankLabels(int length) {
        int[] labels = new int[length];
        Arrays.fill(labels, ConnectedComponents.NONE);
        return labels;
    }
}
