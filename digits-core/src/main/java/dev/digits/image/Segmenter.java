package dev.digits.image;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Splits the ink of a line of handwriting into digits, left to right, by {@link SegmentationRules}:
 * each connected component starts as a piece, {@link PieceJoiner} joins the pieces of one digit,
 * {@link TouchingDigits} cuts apart digits that touch, the digits are ordered by the centres of their
 * boxes, and where a classifier can be asked, {@link ShortPieces} joins fragments that are still on
 * their own.
 */
final class Segmenter {
    private Segmenter() {}

    /**
     * The digits of {@code pieces}' ink map, left to right, asking {@code cutting} where a cut is in doubt and
     * {@code joining} whether a short fragment belongs to its neighbour (both null: shape alone decides).
     */
    static List<Piece> segment(Pieces pieces, SegmentationRules rules, DigitScorer cutting, DigitScorer joining) {
        InkMap map = pieces.map();
        int lineHeight = lineHeight(map);
        TouchingDigits touching = new TouchingDigits(pieces, rules, lineHeight, cutting);
        List<Piece> digits = new ArrayList<>();
        for (Piece piece : PieceJoiner.join(pieces, lineHeight, rules)) {
            touching.split(piece, digits);
        }
        digits.sort(Comparator.comparingDouble(p -> p.box().centreX()));
        return joining == null ? digits : ShortPieces.join(pieces, digits, lineHeight, joining, rules);
    }

    /**
     * How many digits stand apart in {@code map}: pieces of ink that {@link PieceJoiner} does not join
     * (no cuts between touching digits: they may be one wide digit).
     */
    static int apart(InkMap map, SegmentationRules rules) {
        return PieceJoiner.groups(map, lineHeight(map), rules).size();
    }

    /** The height of the tallest piece of ink: what the rules measure against. */
    private static int lineHeight(InkMap map) {
        return map.components().stream().mapToInt(c -> c.box().height()).max().orElse(0);
    }

    /** All ink as one digit. */
    static Piece whole(Pieces pieces) {
        Set<Integer> ids = new HashSet<>();
        pieces.map().components().forEach(c -> ids.add(c.id()));
        return pieces.whole(ids);
    }
}
