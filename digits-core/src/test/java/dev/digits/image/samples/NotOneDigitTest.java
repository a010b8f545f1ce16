package dev.digits.image.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digits.TestData;
import dev.digits.data.DigitSet;
import dev.digits.image.FloatImage;
import dev.digits.image.MnistFormat;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class NotOneDigitTest {
    private static final DigitSet TRAIN = TestData.mnist().train().first(2_000);

    @Test
    void eachPieceDependsOnlyOnSeedAndIndex() {
        NotOneDigit pieces = new NotOneDigit(TRAIN, 5);
        assertArrayEquals(pieces.input(17), pieces.input(17));
        assertFalse(Arrays.equals(pieces.input(17), pieces.input(18)));
        assertFalse(Arrays.equals(pieces.input(17), new NotOneDigit(TRAIN, 6).input(17)));
    }

    /** Laid out as MNIST digits are, and pairs (wider than high) and parts (narrower) both among them. */
    @Test
    void piecesAreLaidOutAsDigitsAndHoldPairsAndParts() {
        int count = 400;
        byte[] pixels = new NotOneDigit(TRAIN, 1).pixels(count);
        assertEquals(count * DigitSet.PIXELS, pixels.length);
        int wide = 0;
        int narrow = 0;
        double meanX = 0;
        double meanY = 0;
        for (int i = 0; i < count; i++) {
            float[] ink = new float[DigitSet.PIXELS];
            for (int p = 0; p < ink.length; p++) {
                ink[p] = (pixels[i * DigitSet.PIXELS + p] & 0xff) / 255f;
            }
            FloatImage image = new FloatImage(DigitSet.SIDE, DigitSet.SIDE, ink);
            var box = image.nonZeroBounds();
            assertTrue(Math.max(box.width(), box.height()) <= MnistFormat.FIT_SIDE + 1, "piece " + i + ": " + box);
            double[] centre = MnistFormat.centreOfMass(image);
            meanX += centre[0] / count;
            meanY += centre[1] / count;
            wide += box.width() > 1.2 * box.height() ? 1 : 0;
            narrow += box.width() < 0.6 * box.height() ? 1 : 0;
        }
        // A lopsided piece cannot be centred without pushing ink out of the field; on average they are.
        assertEquals(MnistFormat.CENTRE, meanX, 0.3);
        assertEquals(MnistFormat.CENTRE, meanY, 0.3);
        assertTrue(wide > count / 4, wide + " of " + count + " pieces are pairs or more");
        assertTrue(narrow > count / 10, narrow + " of " + count + " pieces are narrow parts");
    }
}
