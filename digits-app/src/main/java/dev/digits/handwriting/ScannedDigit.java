package dev.digits.handwriting;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;

/**
 * One scanned digit as a collection stores it: a small square of ink values.
 *
 * @param ink {@code side * side} values, row-major, 0 = paper, 1 = full ink
 */
public record ScannedDigit(int label, int side, float[] ink) {
    public ScannedDigit {
        if (ink.length != side * side) {
            throw new IllegalArgumentException(ink.length + " values for a " + side + "x" + side + " scan");
        }
        ink = ink.clone();
    }

    /** The scan as a grey picture: dark ink on white paper, or light ink on black. */
    public BufferedImage image(boolean lightOnDark) {
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster raster = image.getRaster();
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                float v = Math.max(0f, Math.min(1f, ink[y * side + x]));
                raster.setSample(x, y, 0, Math.round(255 * (lightOnDark ? v : 1 - v)));
            }
        }
        return image;
    }
}
