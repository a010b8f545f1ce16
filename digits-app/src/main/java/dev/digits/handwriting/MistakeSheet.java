package dev.digits.handwriting;

import dev.digits.image.ContactSheet;
import dev.digits.image.ImageDecoder;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * The mistakes of a benchmark set as one picture: per mistake, the picture as the user gave it, the
 * 28x28 image the network saw, and "written → read (confidence)".
 */
public final class MistakeSheet {
    private static final int CELL = 64;
    private static final int CAPTION = 16;
    private static final int COLUMNS = 8;
    /** A sheet shows at most this many mistakes; the rest are counted in the report only. */
    public static final int MAX_SHOWN = 200;

    private static final ImageDecoder DECODER = new ImageDecoder();

    private MistakeSheet() {}

    public static BufferedImage of(List<RealBenchmark.Outcome> mistakes) {
        List<RealBenchmark.Outcome> shown = mistakes.subList(0, Math.min(MAX_SHOWN, mistakes.size()));
        int rows = Math.max(1, (shown.size() + COLUMNS - 1) / COLUMNS);
        int cellWidth = 2 * CELL + 8;
        int cellHeight = CELL + CAPTION + 6;
        BufferedImage sheet = new BufferedImage(COLUMNS * cellWidth, rows * cellHeight, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(new Color(0xF4F4F5));
            g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            for (int i = 0; i < shown.size(); i++) {
                RealBenchmark.Outcome o = shown.get(i);
                int left = (i % COLUMNS) * cellWidth;
                int top = (i / COLUMNS) * cellHeight;
                BufferedImage original = o.sample().image() != null
                        ? o.sample().image()
                        : DECODER.decode(o.sample().file());
                double scale = (double) CELL / Math.max(original.getWidth(), original.getHeight());
                int w = Math.max(1, (int) Math.round(original.getWidth() * scale));
                int h = Math.max(1, (int) Math.round(original.getHeight() * scale));
                g.drawImage(original, left + (CELL - w) / 2, top + (CELL - h) / 2, w, h, null);
                if (o.input() != null) {
                    g.drawImage(ContactSheet.image(o.input()), left + CELL + 4, top, CELL, CELL, null);
                }
                g.setColor(new Color(0x18181B));
                String read = o.refused() ? "none" : o.read();
                String caption = o.sample().label() + " → " + read
                        + (Float.isNaN(o.confidence()) || o.refused()
                                ? ""
                                : String.format(" %.0f%%%s", 100 * o.confidence(), o.sure() ? "" : "?"));
                g.drawString(caption, left + 2, top + CELL + CAPTION - 3);
            }
        } finally {
            g.dispose();
        }
        return sheet;
    }
}
