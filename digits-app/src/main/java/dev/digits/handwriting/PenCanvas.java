package dev.digits.handwriting;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;

/** Draws a pen digit as the web page would show it: a picture a user could hand to the reader. */
public final class PenCanvas {
    private PenCanvas() {}

    public static BufferedImage draw(PenDigit digit, Pen pen) {
        float[] bounds = PenDigits.bounds(digit);
        double extent = Math.max(1e-6, Math.max(bounds[2] - bounds[0], bounds[3] - bounds[1]));
        double scale = pen.size() * pen.canvas() / extent;
        double centreX = pen.canvas() * (0.5 + pen.dx());
        double centreY = pen.canvas() * (0.5 + pen.dy());
        double midX = (bounds[0] + bounds[2]) / 2;
        double midY = (bounds[1] + bounds[3]) / 2;

        BufferedImage image = new BufferedImage(pen.canvas(), pen.canvas(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(pen.lightOnDark() ? Color.BLACK : Color.WHITE);
            g.fillRect(0, 0, pen.canvas(), pen.canvas());
            g.setColor(pen.lightOnDark() ? Color.WHITE : Color.BLACK);
            g.setStroke(new BasicStroke(pen.width(), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            for (float[] stroke : digit.strokes()) {
                double x0 = centreX + (stroke[0] - midX) * scale;
                double y0 = centreY + (stroke[1] - midY) * scale;
                if (stroke.length == 2) {
                    double r = pen.width() / 2.0;
                    g.fill(new Ellipse2D.Double(x0 - r, y0 - r, 2 * r, 2 * r));
                    continue;
                }
                Path2D.Double path = new Path2D.Double();
                path.moveTo(x0, y0);
                for (int i = 2; i < stroke.length; i += 2) {
                    path.lineTo(centreX + (stroke[i] - midX) * scale, centreY + (stroke[i + 1] - midY) * scale);
                }
                g.draw(path);
            }
        } finally {
            g.dispose();
        }
        return image;
    }
}
