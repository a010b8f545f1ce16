package dev.digits.report;

import dev.digits.data.DigitSet;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

/** A grid of test digits, each captioned with its true label, the prediction and the model's confidence. */
final class Gallery {
    static final int COLUMNS = 10;
    private static final int SCALE = 2;
    private static final int TILE = DigitSet.SIDE * SCALE;
    private static final int CELL_WIDTH = 98;
    private static final int CELL_HEIGHT = TILE + 44;
    private static final int MARGIN = 8;

    private Gallery() {}

    static int width() {
        return COLUMNS * CELL_WIDTH + 2 * MARGIN;
    }

    static int height(int count) {
        int rows = Math.max(1, (count + COLUMNS - 1) / COLUMNS);
        return rows * CELL_HEIGHT + 2 * MARGIN;
    }

    static BufferedImage render(DigitSet set, List<Verdict> verdicts) {
        BufferedImage image = new BufferedImage(width(), height(verdicts.size()), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = DigitImages.canvas(image);
        Font label = Charts.font(Font.BOLD, 13);
        Font small = Charts.font(Font.PLAIN, 11);
        for (int i = 0; i < verdicts.size(); i++) {
            Verdict v = verdicts.get(i);
            int x = MARGIN + (i % COLUMNS) * CELL_WIDTH;
            int y = MARGIN + (i / COLUMNS) * CELL_HEIGHT;
            int centre = x + CELL_WIDTH / 2;
            DigitImages.frame(g, DigitImages.digit(set, v.index(), SCALE), centre - TILE / 2, y + 2);
            g.setFont(label);
            g.setColor(v.correct() ? Palette.TEXT : Palette.WRONG);
            String answer = v.correct() ? "is " + v.label() : v.label() + " \u2192 " + v.predicted();
            DigitImages.centredText(g, answer, centre, y + TILE + 20);
            g.setFont(small);
            g.setColor(Palette.MUTED);
            DigitImages.centredText(
                    g,
                    String.format(Locale.ROOT, "%.1f%%  #%d", 100 * v.confidence(), v.index()),
                    centre,
                    y + TILE + 35);
        }
        g.dispose();
        return image;
    }
}
