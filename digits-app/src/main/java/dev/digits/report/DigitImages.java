package dev.digits.report;

import dev.digits.data.DigitSet;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** Pictures of MNIST digits and maps of the same grid, enlarged without smoothing so each pixel stays visible. */
final class DigitImages {
    private DigitImages() {}

    /** Image {@code index} as dark ink on white paper, {@code scale} screen pixels per image pixel. */
    static BufferedImage digit(DigitSet set, int index, int scale) {
        int[] rgb = new int[DigitSet.PIXELS];
        int offset = index * DigitSet.PIXELS;
        for (int p = 0; p < DigitSet.PIXELS; p++) {
            int paper = 255 - (set.pixels()[offset + p] & 0xff);
            rgb[p] = (paper << 16) | (paper << 8) | paper;
        }
        return map(rgb, DigitSet.SIDE, DigitSet.SIDE, scale);
    }

    /** A {@code width x height} grid of RGB values, each drawn as a {@code scale x scale} square. */
    static BufferedImage map(int[] rgb, int width, int height, int scale) {
        BufferedImage image = new BufferedImage(width * scale, height * scale, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height * scale; y++) {
            for (int x = 0; x < width * scale; x++) {
                image.setRGB(x, y, rgb[(y / scale) * width + x / scale]);
            }
        }
        return image;
    }

    /** A white canvas with antialiased text in the report's font. */
    static Graphics2D canvas(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        return g;
    }

    static void centredText(Graphics2D g, String text, int centreX, int baseline) {
        FontMetrics metrics = g.getFontMetrics();
        g.drawString(text, centreX - metrics.stringWidth(text) / 2, baseline);
    }

    static void frame(Graphics2D g, BufferedImage tile, int x, int y) {
        g.drawImage(tile, x, y, null);
        g.setColor(Palette.GRID);
        g.drawRect(x - 1, y - 1, tile.getWidth() + 1, tile.getHeight() + 1);
    }
}
