package dev.digits.image;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Pieces much shorter than the line that are still on their own after joining and cutting (a faint
 * stroke that broke into pieces, a bar that does not overlap its digit) join a close neighbour where
 * the classifier reads the two together surely and no worse than the neighbour alone, by the rules of
 * {@link SegmentationRules.Rejoining}. A short digit that is really a digit of its own is left alone:
 * joining it spoils its neighbour's reading.
 */
final class ShortPieces {
    private ShortPieces() {}

    /** {@code digits} (left to right) with short pieces joined to a neighbour where the classifier agrees. */
    static List<Piece> join(
            Pieces pieces, List<Piece> digits, int lineHeight, DigitScorer scorer, SegmentationRules rules) {
        InkMap map = pieces.map();
        SegmentationRules.Rejoining rejoining = rules.rejoining();
        double shortHeight = rules.joining().fragmentHeight() * lineHeight;
        List<Piece> result = new ArrayList<>(digits);
        for (int i = 0; i < result.size(); i++) {
            Piece piece = result.get(i);
            if (piece.box().height() >= shortHeight || isCut(map, piece)) {
                continue;
            }
            int partner = -1;
            Piece joined = null;
            float best = 0;
            for (int j : new int[] {i - 1, i + 1}) {
                if (j < 0 || j >= result.size() || isCut(map, result.get(j))) {
                    continue;
                }
                Piece neighbour = result.get(j);
                if (gap(piece.box(), neighbour.box()) > rejoining.maxGap() * lineHeight) {
                    continue;
                }
                Set<Integer> ids = new HashSet<>(piece.ids());
                ids.addAll(neighbour.ids());
                Piece union = pieces.whole(ids);
                if (union.box().width()
                        > rules.cutting().maxAspect() * union.box().height()) {
                    continue;
                }
                DigitScorer.Guess[] guesses = scorer.read(List.of(pieces.input(neighbour), pieces.input(union)));
                float alone = guesses[0].confidence();
                float together = guesses[1].confidence();
                if (together >= rejoining.sure() && together >= alone - rejoining.tolerance() && together > best) {
                    best = together;
                    partner = j;
                    joined = union;
                }
            }
            if (partner >= 0) {
                result.set(Math.min(i, partner), joined);
                result.remove(Math.max(i, partner));
                i = -1; // start over: the joined piece may take another fragment
            }
        }
        return result;
    }

    /** A part of touching digits that were cut apart: its components hold more ink than its own. */
    private static boolean isCut(InkMap map, Piece piece) {
        return piece.from() > 0 || piece.to() < map.ink().width();
    }

    private static int gap(Box a, Box b) {
        return Math.max(0, Math.max(a.x(), b.x()) - Math.min(a.right(), b.right()));
    }
}
