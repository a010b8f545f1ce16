package dev.digits.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digits.TestData;
import dev.digits.data.DigitSet;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PreprocessorTest {
    private final Preprocessor preprocessor = new Preprocessor();

    private static BufferedImage seven(Color paper, Color ink) {
        return Drawings.draw(300, 300, paper, ink, 14, g -> Drawings.seven(g, 40, 30, 90, 150));
    }

    @Test
    void aBlankCanvasHasNoDigit() {
        BufferedImage black = Drawings.whiteOnBlack(200, 200, 1, g -> {});
        BufferedImage white = Drawings.blackOnWhite(200, 200, 1, g -> {});
        assertEquals(Optional.empty(), preprocessor.digit(black));
        assertEquals(Optional.empty(), preprocessor.digit(white));
        assertTrue(preprocessor.digits(white).isEmpty());
    }

    @Test
    void plainPaperWithNoiseHasNoDigit() {
        BufferedImage paper = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(1);
        for (int y = 0; y < paper.getHeight(); y++) {
            for (int x = 0; x < paper.getWidth(); x++) {
                int v = (int) Math.max(0, Math.min(255, 200 - 40.0 * x / paper.getWidth() + random.nextGaussian() * 6));
                paper.setRGB(x, y, v << 16 | v << 8 | v);
            }
        }
        assertEquals(Optional.empty(), preprocessor.digit(paper));
    }

    @Test
    void tinyAndExtremelyNarrowImagesAreHandled() {
        BufferedImage pixel = Drawings.whiteOnBlack(1, 1, 1, g -> g.fillRect(0, 0, 1, 1));
        assertEquals(Optional.empty(), preprocessor.digit(pixel));
        BufferedImage strip = Drawings.blackOnWhite(3, 1000, 1, g -> g.fillRect(1, 100, 1, 800));
        assertTrue(preprocessor.digit(strip).isPresent());
        assertEquals(1, preprocessor.digits(strip).size());
    }

    @Test
    void aDigitCroppedSoTightlyThatItLiesAlongTheBorderIsStillADigit() {
        // A "0" whose ink runs along all four sides, as in scans cropped to the digit.
        BufferedImage zero = Drawings.blackOnWhite(16, 16, 3, g -> g.drawOval(1, 1, 13, 13));
        assertTrue(preprocessor.digit(zero).isPresent());
        BufferedImage one = Drawings.blackOnWhite(16, 16, 4, g -> Drawings.one(g, 8, 0, 16));
        assertTrue(preprocessor.digit(one).isPresent());
    }

    @Test
    void aDigitThatFillsItsPictureIsOfferedBothWaysRoundOnlyWhenTheCornersCannotTell() {
        // A thick "0" filling a 16x16 box: ink covers about half the picture, so the median is no guide,
        // but the corners are paper.
        BufferedImage zero = Drawings.blackOnWhite(16, 16, 5, g -> g.drawOval(2, 2, 11, 11));
        List<Preprocessor.OneDigit> crops = preprocessor.digitEitherWay(zero);
        assertEquals(1, crops.size(), "the corners decide");
        float[] expected = preprocessor
                .digit(zero, Polarity.DARK_INK_ON_LIGHT)
                .orElseThrow()
                .input();
        assertEquals(
                0, Drawings.meanAbsoluteDifference(expected, crops.get(0).crop().input()), 1e-6);
        assertEquals(1, crops.get(0).apart());
        // A small digit on a large page is never in doubt.
        assertEquals(
                1, preprocessor.digitEitherWay(seven(Color.WHITE, Color.BLACK)).size());
    }

    @Test
    void aLoneSpeckIsNotADigit() {
        BufferedImage dot = Drawings.blackOnWhite(1000, 800, 3, g -> g.fillRect(500, 400, 3, 3));
        assertEquals(Optional.empty(), preprocessor.digit(dot));
    }

    @Test
    void theSameDigitGivesTheSameInputInEitherPolarity() {
        float[] dark = preprocessor
                .digit(seven(Color.WHITE, Color.BLACK))
                .orElseThrow()
                .input();
        float[] light = preprocessor
                .digit(seven(Color.BLACK, Color.WHITE))
                .orElseThrow()
                .input();
        assertTrue(Drawings.meanAbsoluteDifference(dark, light) < 0.01);
        double[] centre = MnistFormat.centreOfMass(Drawings.field(dark));
        assertEquals(MnistFormat.CENTRE, centre[0], 0.5);
        assertEquals(MnistFormat.CENTRE, centre[1], 0.5);
    }

    @Test
    void unevenLightingAndTintedPaperDoNotChangeTheInput() {
        float[] clean = preprocessor
                .digit(seven(Color.WHITE, Color.BLACK))
                .orElseThrow()
                .input();
        BufferedImage photo = seven(new Color(235, 225, 200), new Color(40, 40, 90));
        for (int y = 0; y < photo.getHeight(); y++) {
            for (int x = 0; x < photo.getWidth(); x++) {
                double light = 1 - 0.45 * (x + y) / (photo.getWidth() + photo.getHeight());
                int rgb = photo.getRGB(x, y);
                int r = (int) (((rgb >> 16) & 0xff) * light);
                int gr = (int) (((rgb >> 8) & 0xff) * light);
                int b = (int) ((rgb & 0xff) * light);
                photo.setRGB(x, y, 0xff000000 | r << 16 | gr << 8 | b);
            }
        }
        float[] lit = preprocessor.digit(photo).orElseThrow().input();
        assertTrue(
                Drawings.meanAbsoluteDifference(clean, lit) < 0.03,
                "difference " + Drawings.meanAbsoluteDifference(clean, lit));
    }

    @Test
    void theTableAroundAPhotographedPageIsNotInk() {
        BufferedImage page = seven(Color.WHITE, Color.BLACK);
        DigitCrop expected = preprocessor.digit(page).orElseThrow();
        BufferedImage photo = Drawings.draw(
                400,
                400,
                new Color(60, 50, 40),
                Color.BLACK,
                1,
                g -> g.drawImage(page, 70, 40, null)); // the page fills most of the frame, off-centre
        DigitCrop actual = preprocessor.digit(photo).orElseThrow();
        // Within one pixel of the working copy, which is smaller for the larger photo.
        double pixel = 400.0 / Preprocessor.ONE_DIGIT_SIDE;
        assertEquals(expected.box().x() + 70, actual.box().x(), pixel);
        assertEquals(expected.box().y() + 40, actual.box().y(), pixel);
        assertEquals(expected.box().width(), actual.box().width(), 2 * pixel);
        assertEquals(expected.box().height(), actual.box().height(), 2 * pixel);
        double difference = Drawings.meanAbsoluteDifference(expected.input(), actual.input());
        // Not identical: the page alone and the photo are worked on at different scales.
        assertTrue(difference < 0.05, "difference " + difference);
    }

    @Test
    void transparentDrawingsAreReadWhateverTheStrokeColour() {
        float[] opaque = preprocessor
                .digit(seven(Color.WHITE, Color.BLACK))
                .orElseThrow()
                .input();
        float[] blackStrokes =
                preprocessor.digit(seven(null, Color.BLACK)).orElseThrow().input();
        float[] whiteStrokes =
                preprocessor.digit(seven(null, Color.WHITE)).orElseThrow().input();
        assertTrue(Drawings.meanAbsoluteDifference(opaque, blackStrokes) < 0.01);
        assertTrue(Drawings.meanAbsoluteDifference(opaque, whiteStrokes) < 0.01);
    }

    @Test
    void specksAroundTheDigitAreRemovedBeforeCropping() {
        BufferedImage clean = seven(Color.WHITE, Color.BLACK);
        BufferedImage specked = seven(Color.WHITE, Color.BLACK);
        var g = specked.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(280, 280, 3, 3);
        g.fillRect(250, 10, 2, 4);
        g.fillRect(5, 290, 4, 2);
        g.dispose();
        DigitCrop expected = preprocessor.digit(clean).orElseThrow();
        DigitCrop actual = preprocessor.digit(specked).orElseThrow();
        assertEquals(expected.box(), actual.box());
        assertTrue(Drawings.meanAbsoluteDifference(expected.input(), actual.input()) < 1e-6);
    }

    @Test
    void theBoxIsInTheCoordinatesOfTheImageEvenWhenItWasShrunkToWorkOn() {
        int side = 3 * Preprocessor.WORK_SIDE;
        BufferedImage big = Drawings.blackOnWhite(side, side, 60, g -> Drawings.one(g, 1500, 1000, 1200));
        Box box = preprocessor.digit(big).orElseThrow().box();
        // The stroke spans 1470..1530 x 970..2230 with its round caps; one pixel of the working copy is 22.5.
        double pixel = (double) side / Preprocessor.ONE_DIGIT_SIDE;
        assertEquals(1470, box.x(), pixel);
        assertEquals(970, box.y(), pixel);
        assertEquals(60, box.width(), 2 * pixel);
        assertEquals(1260, box.height(), 2 * pixel);
    }

    @Test
    void mnistDigitsComeBackAlmostUnchanged() {
        DigitSet test = TestData.mnist().test();
        double total = 0;
        int inRange = 0;
        for (int i = 0; i < 100; i++) {
            BufferedImage image = new BufferedImage(DigitSet.SIDE, DigitSet.SIDE, BufferedImage.TYPE_BYTE_GRAY);
            float[] original = new float[DigitSet.PIXELS];
            for (int p = 0; p < DigitSet.PIXELS; p++) {
                int v = test.pixels()[i * DigitSet.PIXELS + p] & 0xff;
                image.getRaster().setSample(p % DigitSet.SIDE, p / DigitSet.SIDE, 0, v);
                original[p] = v / 255f;
            }
            FloatImage digit = new FloatImage(DigitSet.SIDE, DigitSet.SIDE, original);
            FloatImage crop = digit.crop(digit.nonZeroBounds());
            if (StrokeWidth.normalise(crop) != crop) {
                continue; // among MNIST's thinnest or thickest: redrawn on purpose
            }
            inRange++;
            total += Drawings.meanAbsoluteDifference(
                    original, preprocessor.digit(image).orElseThrow().input());
        }
        assertTrue(inRange >= 85, "MNIST's strokes are mostly within its own range of widths: " + inRange + " of 100");
        // Differences come from MNIST's own rounding; a misplaced or rescaled digit differs by ~0.1.
        assertTrue(total / inRange < 0.025, "mean absolute difference " + total / inRange);
    }

    @Test
    void theNaivePipelineResizesTheWholeImage() {
        BufferedImage image = Drawings.whiteOnBlack(280, 280, 10, g -> g.fillRect(0, 0, 140, 280));
        float[] input = NaivePreprocessor.input(image);
        assertEquals(1f, input[5 * 28 + 3], 1e-6);
        assertEquals(0f, input[5 * 28 + 20], 1e-6);
    }
}
