package dev.digits.image;

/**
 * The rules by which a line of handwriting is split into digits, in one place: when separate pieces of
 * ink are one digit ({@link Joining}), when one piece is touching digits and where to cut it
 * ({@link Cutting}), and when a short piece left on its own joins a neighbour ({@link Rejoining}).
 * Sizes are fractions of the line height (its tallest piece of ink) unless said otherwise; where a
 * classifier is asked, its answers are compared as log-odds ({@link DigitScorer.Guess#logOdds()}).
 * {@link #DEFAULT} is what {@link Preprocessor} uses.
 */
public record SegmentationRules(Joining joining, Cutting cutting, Rejoining rejoining) {
    public static final SegmentationRules DEFAULT = new SegmentationRules(
            new Joining(0.5, 0.75, 0.5, 0.5),
            new Cutting(1.25, 0.6, 1.5, 0.25, 0.4, 0.75, 2, 0.15, 3, 0.5, 6.2),
            new Rejoining(0.25, 0.8f, 0.05f));

    /**
     * Pieces of one digit that do not touch: the bar of a 5, a 4 or 7 drawn in two strokes, a stroke
     * broken by a dry pen ({@link PieceJoiner}).
     *
     * @param minOverlap two pieces stacked one over the other overlap by at least this fraction of the
     *     narrower one's width
     * @param fragmentHeight a piece shorter than this is a fragment; of two stacked pieces, one must be
     * @param stubHeight a piece shorter than this joins any piece its extent touches, if together they are
     *     no wider than one digit may be ({@link Cutting#maxAspect})
     * @param crumb a piece smaller than this both ways that overlaps nothing joins the nearest piece
     */
    public record Joining(double minOverlap, double fragmentHeight, double stubHeight, double crumb) {}

    /**
     * Touching digits cut apart ({@link TouchingDigits}). By shape alone, a piece is cut at the column with
     * least ink in its middle when it is clearly too wide and that column crosses a thin bridge; with a
     * classifier to ask, wider pieces are candidates too and the reading of the parts decides.
     *
     * @param maxAspect a piece wider than this times its height is too wide for one digit (about 2% of
     *     MNIST digits are wider)
     * @param minPartHeight both parts of a cut are at least this fraction of the cut piece's height
     * @param maxBridgeStrokes by shape alone, the cut crosses at most this many stroke widths of ink
     * @param cutMargin by shape alone, the cut lies within this fraction of the width from neither side
     * @param candidateAspect with a classifier, pieces wider than this times their height are candidates for a cut
     * @param narrowAspect pieces narrower than this times their height are mostly one digit (though a 1
     *     leaning on its neighbour makes a pair no wider): they are cut only with {@code narrowMargin}
     * @param narrowMargin how much more surely (log-odds) the parts of a narrow piece must read than the whole
     * @param wideCutMargin with a classifier, cuts are tried this close to the sides (a 1 beside an 8)
     * @param candidateCuts how many cut positions the classifier compares
     * @param confidenceMargin how much more surely (log-odds; 0.5 is 1.6 times the odds) the parts must read
     *     than the whole to cut against the shape's verdict, and how much less surely they may read to cut with it
     * @param sureParts where only its shape speaks against the whole (it reads as surely as the parts but
     *     is too wide for what it reads as), both parts must read at least this surely (log-odds; 6.2 is a
     *     probability of 0.998): the halves of a very wide 0 read as a 6 and a 7 often enough
     */
    public record Cutting(
            double maxAspect,
            double minPartHeight,
            double maxBridgeStrokes,
            double cutMargin,
            double candidateAspect,
            double narrowAspect,
            double narrowMargin,
            double wideCutMargin,
            int candidateCuts,
            double confidenceMargin,
            double sureParts) {}

    /**
     * A piece shorter than {@link Joining#fragmentHeight} that is still on its own after joining and
     * cutting joins a close neighbour where the classifier reads the two together surely and no worse than
     * the neighbour alone ({@link ShortPieces}).
     *
     * @param maxGap only neighbours at most this far away are considered
     * @param sure the joined piece reads with at least this confidence
     * @param tolerance and with at most this much less confidence than the neighbour alone
     */
    public record Rejoining(double maxGap, float sure, float tolerance) {}
}
