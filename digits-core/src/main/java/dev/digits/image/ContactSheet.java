package dev.digits.image;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.util.List;

/** Network inputs laid out in a grid, enlarged, for a person to look at (white ink on black, as MNIST). */
public final class ContactSheet {
    private static final int ZOOM = 4;
    private static final int GAP = 2;

    private ContactSheet() {}

    /** One 28x28 input as an 8-bit grey image, 255 = full ink. */
    public static BufferedImage image(float[] input) {
        return of(List.of(input), 1, 1);
    }

    /** The inputs in rows of {@code columns}, each enlarged {@value #ZOOM} times. */
    public static BufferedImage of(List<float[]> inputs, int columns) {
        return of(inputs, columns, ZOOM);
    }

    private static BufferedImage of(List<float[]> inputs, int columns, int zoom) {
        int side = MnistFormat.SIDE;
        int gap = zoom == 1 ? 0 : GAP;
        int rows = (inputs.size() + columns - 1) / columns;
        int cell = side * zoom + gap;
        BufferedImage sheet = new BufferedImage(
                Math.max(1, columns * cell - gap), Math.max(1, rows * cell - gap), BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster raster = sheet.getRaster();
        for (int i = 0; i < inputs.size(); i++) {
            float[] input = inputs.get(i);
            if (input.length != side * side) {
                throw new IllegalArgumentException(
                        "input " + i + " has " + input.length + " values, expected " + side * side);
            }
            int left = (i % columns) * cell;
            int top = (i / columns) * cell;
            for (int y = 0; y < side * zoom; y++) {
                for (int x = 0; x < side * zoom; x++) {
                    float v = input[(y / zoom) * side + x / zoom];
                    raster.setSample(left + x, top + y, 0, Math.round(255 * Math.max(0f, Math.min(1f, v))));
                }
            }
        }
        return sheet;
    }
}
