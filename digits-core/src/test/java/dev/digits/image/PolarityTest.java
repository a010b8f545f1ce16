package dev.digits.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class PolarityTest {
    private static BufferedImage digitSeven(boolean darkInk) {
        return darkInk
                ? Drawings.blackOnWhite(200, 200, 12, g -> Drawings.seven(g, 50, 40, 100, 120))
                : Drawings.whiteOnBlack(200, 200, 12, g -> Drawings.seven(g, 50, 40, 100, 120));
    }

    @Test
    void detectsDarkInkOnLightPaper() {
        assertEquals(Polarity.DARK_INK_ON_LIGHT, Polarity.detect(Luminance.of(digitSeven(true))));
    }

    @Test
    void detectsLightInkOnADarkCanvas() {
        assertEquals(Polarity.LIGHT_INK_ON_DARK, Polarity.detect(Luminance.of(digitSeven(false))));
    }

    @Test
    void detectsDarkInkUnderALightingGradientThatDarkensHalfThePage() {
        FloatImage page = Luminance.of(digitSeven(true));
        for (int y = 0; y < page.height(); y++) {
            for (int x = 0; x < page.width(); x++) {
                page.set(x, y, page.get(x, y) * (1f - 0.5f * x / page.width()));
            }
        }
        assertEquals(Polarity.DARK_INK_ON_LIGHT, Polarity.detect(page));
    }

    @Test
    void detectsMidGreyInkOnDarkGreyPaper() {
        // Neither is "light": only the side that the ink stands out on tells them apart.
        FloatImage page = Luminance.of(digitSeven(false));
        for (int i = 0; i < page.pixels().length; i++) {
            page.pixels()[i] = 0.2f + 0.3f * page.pixels()[i];
        }
        assertEquals(Polarity.LIGHT_INK_ON_DARK, Polarity.detect(page));
    }

    @Test
    void inkUpMakesInkBrightEitherWay() {
        FloatImage dark = Polarity.DARK_INK_ON_LIGHT.inkUp(Luminance.of(digitSeven(true)));
        FloatImage light = Polarity.LIGHT_INK_ON_DARK.inkUp(Luminance.of(digitSeven(false)));
        assertEquals(0f, dark.get(5, 5), 1e-6);
        assertEquals(1f, dark.get(100, 40), 1e-6);
        assertEquals(0f, light.get(5, 5), 1e-6);
        assertEquals(1f, light.get(100, 40), 1e-6);
    }

    @Test
    void isInDoubtOnlyWhenWhatStandsOutCoversMuchOfThePicture() {
        FloatImage small = Luminance.of(Drawings.blackOnWhite(200, 200, 8, g -> Drawings.seven(g, 60, 50, 80, 100)));
        assertFalse(Polarity.ambiguous(small));
        FloatImage filling = Luminance.of(Drawings.blackOnWhite(20, 20, 1, g -> g.fillRect(3, 0, 14, 20)));
        assertTrue(Polarity.ambiguous(filling));
    }

    @Test
    void theCornersVoteForThePaper() {
        FloatImage dark = Luminance.of(Drawings.blackOnWhite(20, 20, 1, g -> g.fillRect(3, 0, 14, 20)));
        assertEquals(Polarity.DARK_INK_ON_LIGHT, Polarity.byCorners(dark));
        FloatImage light = Luminance.of(Drawings.whiteOnBlack(20, 20, 1, g -> g.fillRect(3, 0, 14, 20)));
        assertEquals(Polarity.LIGHT_INK_ON_DARK, Polarity.byCorners(light));
    }

    /**
     * A few pixels of ink anywhere in a large picture decide it, at the edges of the blocks that
     * {@code detect} looks over at once too: dark ink on mid-dark paper and light ink on mid-light
     * paper, where the paper's brightness alone would say the opposite.
     */
    @Test
    void aFewPixelsOfInkAnywhereDecide() {
        int side = 300;
        for (int at : new int[] {0, 255, 256, 511, 40_000, side * side - 1}) {
            float[] paper = new float[side * side];
            java.util.Arrays.fill(paper, 0.3f);
            paper[at] = 0f;
            assertEquals(
                    Polarity.DARK_INK_ON_LIGHT,
                    Polarity.detect(new FloatImage(side, side, paper), 0.3f),
                    "dark at " + at);
            float[] slate = new float[side * side];
            java.util.Arrays.fill(slate, 0.7f);
            slate[at] = 1f;
            slate[(at + side * side / 2) % (side * side)] = 0.65f; // darker, but by less than the noise
            assertEquals(
                    Polarity.LIGHT_INK_ON_DARK,
                    Polarity.detect(new FloatImage(side, side, slate), 0.7f),
                    "light at " + at);
        }
    }
}
