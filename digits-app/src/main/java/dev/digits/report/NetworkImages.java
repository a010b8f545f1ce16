package dev.digits.report;

import dev.digits.data.DigitSet;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;

/** Pictures of the network's insides: filters, feature maps and saliency maps, each cell a small colour-mapped grid. */
final class NetworkImages {
    private static final int GAP = 4;
    private static final int MARGIN = 10;
    private static final int DIGIT_SCALE = 2;
    private static final int DIGIT_TILE = DigitSet.SIDE * DIGIT_SCALE;

    private NetworkImages() {}

    /** Each filter of the first layer (its first input channel), blue negative, red positive, on one shared scale. */
    static BufferedImage filters(LayerProbe.Weights w) {
        int columns = 8;
        int scale = 16;
        int tileWidth = w.width() * scale;
        int tileHeight = w.height() * scale;
        int rows = (w.filters() + columns - 1) / columns;
        BufferedImage image = new BufferedImage(
                2 * MARGIN + columns * (tileWidth + 3 * GAP) - 3 * GAP,
                2 * MARGIN + rows * (tileHeight + 3 * GAP) - 3 * GAP,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = DigitImages.canvas(image);
        float maxAbs = 1e-12f;
        for (float v : w.values()) {
            maxAbs = Math.max(maxAbs, Math.abs(v));
        }
        int size = w.height() * w.width();
        for (int f = 0; f < w.filters(); f++) {
            int[] rgb = new int[size];
            for (int p = 0; p < size; p++) {
                rgb[p] = Palette.diverging(w.values()[f * w.channels() * size + p] / maxAbs);
            }
            DigitImages.frame(
                    g,
                    DigitImages.map(rgb, w.width(), w.height(), scale),
                    MARGIN + (f % columns) * (tileWidth + 3 * GAP),
                    MARGIN + (f / columns) * (tileHeight + 3 * GAP));
        }
        g.dispose();
        return image;
    }

    /**
     * One layer's maps for each chosen digit: the digit on the left, then every channel, scaled to the
     * digit's largest activation in that layer so that weak and strong channels can be compared.
     */
    static BufferedImage featureMaps(DigitSet digits, LayerProbe.FeatureMaps maps) {
        int columns = 16;
        int scale = Math.max(1, 48 / maps.height());
        int tileWidth = maps.width() * scale;
        int tileHeight = maps.height() * scale;
        int rows = (maps.channels() + columns - 1) / columns;
        int blockHeight = Math.max(DIGIT_TILE + 20, rows * (tileHeight + GAP));
        int left = MARGIN + DIGIT_TILE + 4 * GAP;
        BufferedImage image = new BufferedImage(
                left + columns * (tileWidth + GAP) + MARGIN,
                2 * MARGIN + digits.size() * (blockHeight + 4 * GAP) - 4 * GAP,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = DigitImages.canvas(image);
        g.setFont(Charts.font(Font.PLAIN, 12));
        int size = maps.height() * maps.width();
        for (int d = 0; d < digits.size(); d++) {
            int top = MARGIN + d * (blockHeight + 4 * GAP);
            DigitImages.frame(g, DigitImages.digit(digits, d, DIGIT_SCALE), MARGIN, top);
            g.setColor(Palette.MUTED);
            DigitImages.centredText(g, "digit " + digits.label(d), MARGIN + DIGIT_TILE / 2, top + DIGIT_TILE + 15);
            float min = Float.MAX_VALUE;
            float max = -Float.MAX_VALUE;
            for (int c = 0; c < maps.channels(); c++) {
                for (int p = 0; p < size; p++) {
                    float v = maps.value(d, c, p / maps.width(), p % maps.width());
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
            float low = Math.min(0, min);
            float range = Math.max(1e-12f, max - low);
            for (int c = 0; c < maps.channels(); c++) {
                int[] rgb = new int[size];
                for (int p = 0; p < size; p++) {
                    rgb[p] = Palette.viridis((maps.value(d, c, p / maps.width(), p % maps.width()) - low) / range);
                }
                g.drawImage(
                        DigitImages.map(rgb, maps.width(), maps.height(), scale),
                        left + (c % columns) * (tileWidth + GAP),
                        top + (c / columns) * (tileHeight + GAP),
                        null);
            }
        }
        g.dispose();
        return image;
    }

    /** Pairs of digit and saliency map (each map scaled to its own maximum), captioned. */
    static BufferedImage saliency(DigitSet digits, float[] gradients, List<String> captions) {
        int columns = 5;
        int scale = 3;
        int tile = DigitSet.SIDE * scale;
        int cellWidth = 2 * tile + 3 * GAP + 24;
        int cellHeight = tile + 28;
        int rows = (digits.size() + columns - 1) / columns;
        BufferedImage image = new BufferedImage(
                2 * MARGIN + columns * cellWidth, 2 * MARGIN + rows * cellHeight, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = DigitImages.canvas(image);
        g.setFont(Charts.font(Font.PLAIN, 12));
        for (int i = 0; i < digits.size(); i++) {
            int x = MARGIN + (i % columns) * cellWidth;
            int y = MARGIN + (i / columns) * cellHeight;
            float max = 1e-12f;
            for (int p = 0; p < DigitSet.PIXELS; p++) {
                max = Math.max(max, gradients[i * DigitSet.PIXELS + p]);
            }
            int[] rgb = new int[DigitSet.PIXELS];
            for (int p = 0; p < DigitSet.PIXELS; p++) {
                rgb[p] = Palette.viridis(gradients[i * DigitSet.PIXELS + p] / max);
            }
            DigitImages.frame(g, DigitImages.digit(digits, i, scale), x, y);
            g.drawImage(DigitImages.map(rgb, DigitSet.SIDE, DigitSet.SIDE, scale), x + tile + GAP, y, null);
            g.setColor(captions.get(i).contains("\u2192") ? Palette.WRONG : Palette.TEXT);
            DigitImages.centredText(g, captions.get(i), x + tile + GAP / 2, y + tile + 18);
        }
        g.dispose();
        return image;
    }
}
