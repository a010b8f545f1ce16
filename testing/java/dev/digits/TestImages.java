package dev.digits;

import dev.digits.data.DigitSet;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** PNG files of MNIST test digits drawn like the web page draws: white on black, enlarged. */
public final class TestImages {
    private TestImages() {}

    /** Digits {@code indices} side by side, each enlarged {@code scale} times, with a margin. */
    public static BufferedImage digits(int scale, int... indices) {
        DigitSet test = TestData.mnist().test();
        BufferedImage image =
                new BufferedImage(indices.length * 30 * scale + 40, 30 * scale + 40, BufferedImage.TYPE_BYTE_GRAY);
        for (int d = 0; d < indices.length; d++) {
            for (int p = 0; p < DigitSet.PIXELS; p++) {
                int value = test.pixels()[indices[d] * DigitSet.PIXELS + p] & 0xFF;
                for (int k = 0; k < scale * scale; k++) {
                    image.getRaster()
                            .setSample(
                                    20 + (d * 30 + p % 28) * scale + k % scale,
                                    20 + (p / 28) * scale + k / scale,
                                    0,
                                    value);
                }
            }
        }
        return image;
    }

    public static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int label(int index) {
        return TestData.mnist().test().label(index);
    }
}
