package dev.digits.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MnistFormatTest {
    /** Solid ink over the given box of a blank image. */
    private static FloatImage rectangle(int width, int height, Box box) {
        FloatImage image = FloatImage.blank(width, height);
        for (int y = box.y(); y < box.bottom(); y++) {
            for (int x = box.x(); x < box.right(); x++) {
                image.set(x, y, 1f);
            }
        }
        return image;
    }

    @Test
    void centreOfMassLandsAtTheCentreWhateverWhereTheInkWas() {
        // An "L": its centre of mass is far from the centre of its box, so box-centring would miss.
        FloatImage ink = rectangle(300, 200, new Box(10, 20, 12, 150));
        for (int y = 158; y < 170; y++) {
            for (int x = 10; x < 110; x++) {
                ink.set(x, y, 1f);
            }
        }
        double[] centre = MnistFormat.centreOfMass(Drawings.field(MnistFormat.input(ink)));
        assertEquals(MnistFormat.CENTRE, centre[0], 0.5);
        assertEquals(MnistFormat.CENTRE, centre[1], 0.5);
    }

    @Test
    void tallInkFillsTwentyRowsAndKeepsItsAspectRatio() {
        float[] input = MnistFormat.layout(rectangle(500, 500, new Box(100, 50, 40, 160)));
        Box bounds = Drawings.field(input).nonZeroBounds();
        assertEquals(MnistFormat.FIT_SIDE, bounds.height());
        assertEquals(5, bounds.width()); // 40/160 of 20
    }

    @Test
    void wideInkFillsTwentyColumnsAndKeepsItsAspectRatio() {
        float[] input = MnistFormat.layout(rectangle(90, 30, new Box(0, 0, 60, 20)));
        Box bounds = Drawings.field(input).nonZeroBounds();
        assertEquals(MnistFormat.FIT_SIDE, bounds.width());
        assertEquals(7, bounds.height()); // 20/60 of 20 = 6.67, rounded
    }

    @Test
    void shrinkingAveragesAreasInsteadOfSamplingPixels() {
        // A one-pixel line in a 200-pixel-tall crop shrunk ten times: its area survives as faint ink
        // (nearest-neighbour would keep it at full strength or lose it entirely).
        FloatImage ink = rectangle(201, 200, new Box(95, 0, 1, 200));
        ink.set(0, 0, 1f);
        ink.set(200, 0, 1f); // widen the crop so that the line is inside, not the whole crop
        float[] input = MnistFormat.layout(ink);
        float strongest = 0;
        for (int y = 10; y < 20; y++) {
            for (float v : java.util.Arrays.copyOfRange(input, y * 28, y * 28 + 28)) {
                strongest = Math.max(strongest, v);
            }
        }
        assertEquals(0.1, strongest, 0.03);
    }

    @Test
    void inputBringsABlockOfInkToMnistsStrokeWidthBeforeLayingItOut() {
        // A solid 60x160 block is a stroke far thicker than MNIST's: it is thinned to a bar, still 20 tall.
        float[] input = MnistFormat.input(rectangle(500, 500, new Box(100, 50, 60, 160)));
        Box bounds = Drawings.field(input).nonZeroBounds();
        assertEquals(MnistFormat.FIT_SIDE, bounds.height());
        assertTrue(bounds.width() <= 4, "much thinner than the block's 8 columns (60/160 of 20): " + bounds);
    }

    @Test
    void valuesStayInTheUnitRange() {
        for (float v : MnistFormat.input(rectangle(40, 40, new Box(5, 5, 20, 30)))) {
            assertTrue(v >= 0 && v <= 1, "value " + v);
        }
    }

    @Test
    void refusesAnImageWithoutInk() {
        assertThrows(IllegalArgumentException.class, () -> MnistFormat.input(FloatImage.blank(10, 10)));
    }
}
