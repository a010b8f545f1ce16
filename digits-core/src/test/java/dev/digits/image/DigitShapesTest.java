package dev.digits.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DigitShapesTest {
    private static Box box(int width, int height) {
        return new Box(0, 0, width, height);
    }

    @Test
    void usualShapesFitFully() {
        assertEquals(1.0, DigitShapes.fit(1, box(40, 100)));
        assertEquals(1.0, DigitShapes.fit(0, box(90, 100)));
        assertEquals(1.0, DigitShapes.fit(9, box(70, 100)));
    }

    @Test
    void narrowNeverCounts() {
        assertEquals(1.0, DigitShapes.fit(1, box(3, 200)), "a 1 drawn as a thin line");
        assertEquals(1.0, DigitShapes.fit(0, box(20, 100)));
    }

    @Test
    void tooWideForTheDigitFitsBadly() {
        double nine = DigitShapes.fit(9, box(130, 100));
        assertTrue(nine > 0.01 && nine < 0.1, "a 9 1.3 times as wide as high: " + nine);
        assertTrue(DigitShapes.fit(1, box(150, 100)) < 0.05, "two 1s side by side");
        assertTrue(DigitShapes.fit(5, box(130, 100)) > 0.9, "a 5 with a long bar is often that wide");
    }

    @Test
    void widerFitsWorse() {
        double previous = 1;
        for (int width = 100; width <= 250; width += 10) {
            double fit = DigitShapes.fit(4, box(width, 100));
            assertTrue(fit <= previous, "width " + width);
            previous = fit;
        }
        assertTrue(previous < 1e-3);
    }

    @Test
    void anEmptyBoxFitsNothing() {
        assertEquals(0.0, DigitShapes.fit(3, box(0, 0)));
    }
}
