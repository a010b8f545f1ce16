package dev.digits.image;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.function.Consumer;

/** Constructed test pictures: strokes drawn with Java2D, anti-aliased like a drawing app. */
final class Drawings {
    private Drawings() {}

    /** A {@code width x height} picture of {@code ink} strokes (width {@code pen}) on {@code paper}. */
    static BufferedImage draw(int width, int height, Color paper, Color ink, float pen, Consumer<Graphics2D> strokes) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        if (paper != null) {
            g.setColor(paper);
            g.fillRect(0, 0, width, height);
        }
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setStroke(new BasicStroke(pen, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(ink);
        strokes.accept(g);
        g.dispose();
        return image;
    }

    static BufferedImage whiteOnBlack(int width, int height, float pen, Consumer<Graphics2D> strokes) {
        return draw(width, height, Color.BLACK, Color.WHITE, pen, strokes);
    }

    static BufferedImage blackOnWhite(int width, int height, float pen, Consumer<Graphics2D> strokes) {
        return draw(width, height, Color.WHITE, Color.BLACK, pen, strokes);
    }

    /** An upright "7": a bar and a diagonal, drawn in one stroke, in the box at (x, y) of size w x h. */
    static void seven(Graphics2D g, int x, int y, int w, int h) {
        g.drawPolyline(new int[] {x, x + w, x + w / 3}, new int[] {y, y, y + h}, 3);
    }

    /** An "0" as an ellipse in the box. */
    static void zero(Graphics2D g, int x, int y, int w, int h) {
        g.drawOval(x, y, w, h);
    }

    /** A "1" as a vertical bar. */
    static void one(Graphics2D g, int x, int y, int h) {
        g.drawLine(x, y, x, y + h);
    }

    static double meanAbsoluteDifference(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs(a[i] - b[i]);
        }
        return sum / a.length;
    }

    /** The input as a 28x28 image, for its centre of mass and bounds. */
    static FloatImage field(float[] input) {
        return new FloatImage(MnistFormat.SIDE, MnistFormat.SIDE, input);
    }
}
