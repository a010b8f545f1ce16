package dev.digits.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading several digits: pieces joined, touching digits cut apart, left-to-right order. */
class SegmenterTest {
    private final Preprocessor preprocessor = new Preprocessor();

    private List<Box> boxes(BufferedImage image) {
        return preprocessor.digits(image).stream().map(DigitCrop::box).toList();
    }

    @Test
    void aFiveWithItsBarDrawnSeparatelyIsOneDigit() {
        BufferedImage five = Drawings.blackOnWhite(300, 300, 10, g -> {
            g.drawLine(110, 60, 190, 60); // the bar, lifted off the page
            g.drawLine(105, 80, 100, 140);
            g.drawArc(90, 120, 110, 110, 140, -260);
        });
        assertEquals(1, boxes(five).size());
    }

    @Test
    void aFourWhoseDownstrokeSkippedBelowTheCrossbarIsOneDigit() {
        BufferedImage four = Drawings.blackOnWhite(300, 300, 10, g -> {
            g.drawPolyline(new int[] {120, 90, 190}, new int[] {60, 170, 170}, 3);
            g.drawLine(165, 60, 165, 170);
            g.drawLine(165, 190, 165, 240); // the pen skipped just below the crossbar
        });
        assertEquals(1, boxes(four).size());
    }

    @Test
    void aCrumbBrokenOffBesideADigitJoinsIt() {
        // The crumb is highest, so it is the first piece found; its digit is the second.
        BufferedImage number = Drawings.whiteOnBlack(400, 250, 10, g -> {
            g.drawLine(40, 30, 52, 45);
            Drawings.one(g, 70, 60, 130);
            Drawings.zero(g, 200, 60, 90, 130);
        });
        List<Box> boxes = boxes(number);
        assertEquals(2, boxes.size(), boxes.toString());
        assertEquals(35, boxes.get(0).x(), 2);
        assertEquals(25, boxes.get(0).y(), 2);
    }

    @Test
    void digitsSideBySideAreReadLeftToRight() {
        // The rightmost digit is drawn highest, so it is met first when scanning rows.
        BufferedImage number = Drawings.whiteOnBlack(500, 250, 10, g -> {
            Drawings.one(g, 60, 80, 120);
            Drawings.zero(g, 120, 70, 80, 130);
            Drawings.seven(g, 260, 20, 90, 140);
            Drawings.one(g, 420, 60, 120);
        });
        List<Box> boxes = boxes(number);
        assertEquals(4, boxes.size());
        for (int i = 1; i < boxes.size(); i++) {
            assertTrue(boxes.get(i - 1).right() <= boxes.get(i).x(), boxes.toString());
        }
        assertEquals(55, boxes.get(0).x(), 2);
        assertEquals(415, boxes.get(3).x(), 2);
    }

    @Test
    void touchingDigitsAreCutApart() {
        // Two zeros joined by a short thin bridge: one connected piece, twice as wide as a digit.
        BufferedImage zeros = Drawings.whiteOnBlack(400, 250, 10, g -> {
            Drawings.zero(g, 60, 50, 110, 150);
            Drawings.zero(g, 200, 50, 110, 150);
            g.drawLine(170, 125, 200, 125);
        });
        List<Box> boxes = boxes(zeros);
        assertEquals(2, boxes.size(), boxes.toString());
        assertEquals(55, boxes.get(0).x(), 2);
        assertTrue(Math.abs(boxes.get(1).right() - 315) <= 2, boxes.toString());
    }

    @Test
    void aWideSingleDigitIsNotCut() {
        BufferedImage wideZero = Drawings.whiteOnBlack(400, 250, 10, g -> Drawings.zero(g, 50, 60, 250, 130));
        assertEquals(1, boxes(wideZero).size());
    }

    @Test
    void twoOnesSlightlyOverlappingStayTwoDigits() {
        BufferedImage ones = Drawings.whiteOnBlack(300, 250, 8, g -> {
            g.drawLine(100, 40, 130, 200);
            g.drawLine(140, 40, 120, 200);
        });
        // They cross, so they are one piece, but too narrow to be cut: the limit of cutting by width.
        assertEquals(1, boxes(ones).size());
        BufferedImage apart = Drawings.whiteOnBlack(300, 250, 8, g -> {
            g.drawLine(100, 40, 125, 200);
            g.drawLine(145, 40, 135, 200);
        });
        assertEquals(2, boxes(apart).size());
    }

    @Test
    void eachDigitGetsItsOwnNormalisedInput() {
        BufferedImage number = Drawings.whiteOnBlack(500, 250, 10, g -> {
            Drawings.one(g, 60, 60, 130);
            Drawings.zero(g, 200, 60, 90, 130);
        });
        List<DigitCrop> digits = preprocessor.digits(number);
        assertEquals(2, digits.size());
        Box one = Drawings.field(digits.get(0).input()).nonZeroBounds();
        Box zero = Drawings.field(digits.get(1).input()).nonZeroBounds();
        assertEquals(MnistFormat.FIT_SIDE, one.height());
        assertTrue(one.width() <= 3, one.toString());
        assertTrue(zero.width() >= 13, zero.toString());
    }
}
