package dev.digits.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where shape alone cannot tell one wide digit from two interlocked ones, the classifier decides. */
class GuidedSegmentationTest {
    /** Two rings that overlap so much that no column is a thin bridge. */
    private static BufferedImage interlockedRings() {
        return Drawings.whiteOnBlack(360, 240, 16, g -> {
            g.drawOval(40, 40, 130, 160);
            g.drawOval(140, 40, 130, 160);
        });
    }

    /**
     * A fake classifier. First question (the pair): the whole reads as {@code wholeDigit} with {@code whole},
     * each part as a 0 with {@code part}. Later questions (about a part, a single ring): the ring reads
     * surely, its halves do not.
     */
    private static DigitScorer scorer(int wholeDigit, float whole, float part, List<Integer> calls) {
        return inputs -> {
            boolean first = calls.isEmpty();
            calls.add(inputs.size());
            DigitScorer.Guess[] guesses = new DigitScorer.Guess[inputs.size()];
            Arrays.fill(guesses, new DigitScorer.Guess(0, first ? part : 0.5f));
            guesses[0] = first ? new DigitScorer.Guess(wholeDigit, whole) : new DigitScorer.Guess(0, 0.99f);
            return guesses;
        };
    }

    @Test
    void shapeAloneKeepsInterlockedDigitsTogether() {
        assertEquals(1, new Preprocessor().digits(interlockedRings()).size());
    }

    @Test
    void cutsWhereTheClassifierReadsBothPartsBetter() {
        List<Integer> calls = new ArrayList<>();
        List<DigitCrop> digits = new Preprocessor().digits(interlockedRings(), scorer(5, 0.4f, 0.99f, calls));
        assertEquals(2, digits.size());
        assertTrue(digits.get(0).box().x() < digits.get(1).box().x(), "left to right");
        assertTrue(calls.get(0) >= 3, "the whole and at least one pair of parts are compared in one call: " + calls);
    }

    @Test
    void keepsTheWholeWhereItReadsBetter() {
        assertEquals(
                1,
                new Preprocessor()
                        .digits(interlockedRings(), scorer(5, 0.99f, 0.9f, new ArrayList<>()))
                        .size(),
                "a 5 may well be as wide as the pair (1.4 times its height)");
    }

    @Test
    void cutsWhereTheWholeIsTooWideForWhatItReadsAs() {
        assertEquals(
                2,
                new Preprocessor()
                        .digits(interlockedRings(), scorer(9, 0.9999f, 0.999f, new ArrayList<>()))
                        .size(),
                "a 9 is hardly ever 1.4 times as wide as high: the sure reading of the whole is not believed");
    }

    @Test
    void tooWideAloneDoesNotCutWhereThePartsReadLessThanSurely() {
        assertEquals(
                1,
                new Preprocessor()
                        .digits(interlockedRings(), scorer(9, 0.99f, 0.95f, new ArrayList<>()))
                        .size(),
                "halves of a very wide digit read as something, but not surely");
    }

    /** Two strokes meeting at the bottom: a touching "11" written as a V, no wider than one digit. */
    private static BufferedImage vee() {
        return Drawings.whiteOnBlack(300, 260, 14, g -> {
            g.drawLine(100, 40, 142, 210);
            g.drawLine(184, 40, 142, 210);
        });
    }

    @Test
    void aNarrowPieceIsCutOnlyWhereThePartsReadFarMoreSurely() {
        assertEquals(
                2,
                new Preprocessor()
                        .digits(vee(), scorer(4, 0.99f, 0.99999f, new ArrayList<>()))
                        .size(),
                "read as a 4 at 0.99, but as two 1s at 0.99999 each");
        assertEquals(
                1,
                new Preprocessor()
                        .digits(vee(), scorer(4, 0.99f, 0.995f, new ArrayList<>()))
                        .size(),
                "parts at 0.995 are more sure than the whole by more than a wide piece needs, but not by enough for a piece this narrow");
    }

    /** A tall stroke and, close to its right, a piece of stroke 60% as tall: a broken digit, or two digits. */
    private static BufferedImage strokeAndFragment() {
        return Drawings.whiteOnBlack(300, 300, 1, g -> {
            g.fillRect(100, 50, 20, 200);
            g.fillRect(130, 60, 20, 120);
        });
    }

    /** Answers calls of two inputs (a neighbour, then the neighbour joined with a fragment) with the given confidences. */
    private static DigitScorer joinScorer(float neighbour, float joined) {
        return inputs -> {
            DigitScorer.Guess[] guesses = new DigitScorer.Guess[inputs.size()];
            Arrays.fill(guesses, new DigitScorer.Guess(1, 0.99f));
            if (inputs.size() == 2) {
                guesses[0] = new DigitScorer.Guess(1, neighbour);
                guesses[1] = new DigitScorer.Guess(1, joined);
            }
            return guesses;
        };
    }

    @Test
    void aShortPieceJoinsItsNeighbourWhereTheyReadWellTogether() {
        assertEquals(2, new Preprocessor().digits(strokeAndFragment()).size(), "shape alone keeps them apart");
        List<DigitCrop> joined = new Preprocessor().digits(strokeAndFragment(), joinScorer(0.97f, 0.95f));
        assertEquals(1, joined.size());
        assertEquals(50, joined.get(0).box().width(), "one box around both");
    }

    /** A classifier that must not be asked: the other one answers this kind of question. */
    private static final DigitScorer NOT_ASKED = inputs -> {
        throw new AssertionError("asked the wrong classifier about " + inputs.size() + " pieces");
    };

    @Test
    void cutsAreAskedOfTheCuttingClassifierAndJoinsOfTheJoiningOne() {
        List<Integer> calls = new ArrayList<>();
        assertEquals(
                2,
                new Preprocessor()
                        .digits(interlockedRings(), scorer(5, 0.4f, 0.99f, calls), NOT_ASKED)
                        .size());
        assertTrue(!calls.isEmpty(), "the cutting classifier decided the cut");
        assertEquals(
                1,
                new Preprocessor()
                        .digits(strokeAndFragment(), NOT_ASKED, joinScorer(0.97f, 0.95f))
                        .size(),
                "the joining classifier joined the fragment");
    }

    @Test
    void aShortPieceStaysApartWhereJoiningSpoilsTheNeighbour() {
        assertEquals(
                2,
                new Preprocessor()
                        .digits(strokeAndFragment(), joinScorer(0.99f, 0.6f))
                        .size());
        assertEquals(
                2,
                new Preprocessor()
                        .digits(strokeAndFragment(), joinScorer(0.99f, 0.85f))
                        .size(),
                "surely read together, but much less surely than the neighbour alone");
    }
}
