package dev.digits.image;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts touching digits apart, by the rules of {@link SegmentationRules.Cutting}. A piece too wide for
 * one digit is cut at the column with the least ink in its middle part, unless that column crosses more
 * than a thin bridge of ink (a wide 0) or a part would be much lower than the piece (a stroke sheared off
 * a wide 5); the parts are checked again, against at least the fragment height of the line so that a
 * cut-off piece of stroke is not cut further.
 *
 * <p>Where a classifier can be asked and the shape leaves doubt (a piece wider than
 * {@link SegmentationRules.Cutting#candidateAspect()} of its height, or a cut through more ink than a thin
 * bridge), it compares the piece whole against its two parts: interlocked digits have no thin bridge, and
 * a wide single digit (a 5 with a long bar) reads better whole than cut.
 */
final class TouchingDigits {
    private final Pieces pieces;
    private final SegmentationRules.Cutting rules;
    /** The least height a piece is judged against: a part already cut off a stroke is judged against the line. */
    private final double fragmentHeight;
    /** The classifier to ask, or null: shape alone decides. */
    private final DigitScorer scorer;

    TouchingDigits(Pieces pieces, SegmentationRules rules, int lineHeight, DigitScorer scorer) {
        this.pieces = pieces;
        this.rules = rules.cutting();
        this.fragmentHeight = rules.joining().fragmentHeight() * lineHeight;
        this.scorer = scorer;
    }

    /** Adds {@code piece} to {@code out}, cut into digits if it holds touching ones, left part first. */
    void split(Piece piece, List<Piece> out) {
        Box box = piece.box();
        double height = Math.max(box.height(), fragmentHeight);
        if (box.width() <= (scorer == null ? rules.maxAspect() : rules.candidateAspect()) * height) {
            out.add(piece);
            return;
        }
        FloatImage ink = pieces.ink(piece);
        // the parts of a cut have their piece's components, and share where their ink lies
        Piece.Columns columns = pieces.columns(piece.ids());
        Piece[] parts =
                scorer == null ? shapeCut(columns, piece, ink, height) : bestReadCut(columns, piece, ink, height);
        if (parts == null) {
            out.add(piece);
            return;
        }
        split(parts[0], out);
        split(parts[1], out);
    }

    /** The cut the shape alone vouches for: a thin bridge at the least-ink column of a clearly too wide piece. */
    private Piece[] shapeCut(Piece.Columns columns, Piece piece, FloatImage ink, double height) {
        int cut = leastInkColumn(ink, rules.cutMargin());
        Piece[] parts = cutAt(columns, piece, cut);
        boolean clear = piece.box().width() > rules.maxAspect() * height
                && columnInk(ink, cut) <= rules.maxBridgeStrokes() * strokeWidth(ink);
        return clear
                        && bothDigitHigh(
                                parts[0].box(), parts[1].box(), piece.box().height())
                ? parts
                : null;
    }

    /**
     * The cut, among the few columns with least ink, whose two parts read best, if both parts read more
     * surely than the whole (log-odds lowered where a reading does not fit its box's shape, so that a pair
     * read as one very wide 9 loses to two ordinary 9s; see {@link SegmentationRules.Cutting#sureParts()}).
     */
    private Piece[] bestReadCut(Piece.Columns columns, Piece piece, FloatImage ink, double height) {
        List<Piece[]> candidates = new ArrayList<>();
        for (int cut : leastInkColumns(ink, rules.candidateCuts())) {
            Piece[] parts = cutAt(columns, piece, cut);
            if (bothDigitHigh(parts[0].box(), parts[1].box(), piece.box().height())) {
                candidates.add(parts);
            }
        }
        if (candidates.isEmpty()) {
            return null;
        }
        List<float[]> inputs = new ArrayList<>();
        inputs.add(pieces.input(piece));
        for (Piece[] parts : candidates) {
            inputs.add(pieces.input(parts[0]));
            inputs.add(pieces.input(parts[1]));
        }
        DigitScorer.Guess[] guesses = scorer.read(inputs);
        double whole = guesses[0].logOddsFor(piece.box());
        int best = -1;
        double bestParts = 0;
        for (int i = 0; i < candidates.size(); i++) {
            Piece[] parts = candidates.get(i);
            double weaker = Math.min(
                    guesses[1 + 2 * i].logOddsFor(parts[0].box()), guesses[2 + 2 * i].logOddsFor(parts[1].box()));
            if (best < 0 || weaker > bestParts) {
                best = i;
                bestParts = weaker;
            }
        }
        boolean shapeSaysCut = shapeCut(columns, piece, ink, height) != null;
        boolean narrow = piece.box().width() <= rules.narrowAspect() * height;
        double margin =
                shapeSaysCut ? -rules.confidenceMargin() : narrow ? rules.narrowMargin() : rules.confidenceMargin();
        boolean onlyTooWide = bestParts <= guesses[0].logOdds() + margin;
        return bestParts > whole + margin && (!onlyTooWide || bestParts >= rules.sureParts())
                ? candidates.get(best)
                : null;
    }

    private static Piece[] cutAt(Piece.Columns columns, Piece piece, int cut) {
        Box box = piece.box();
        return new Piece[] {columns.piece(piece.from(), box.x() + cut), columns.piece(box.x() + cut, piece.to())};
    }

    /** Up to {@code count} columns of least ink within the middle of the piece, at least a tenth of its width apart. */
    private List<Integer> leastInkColumns(FloatImage ink, int count) {
        int lo = (int) Math.ceil(ink.width() * rules.wideCutMargin());
        int hi = (int) Math.floor(ink.width() * (1 - rules.wideCutMargin()));
        List<Integer> columns = new ArrayList<>();
        for (int x = lo; x <= hi; x++) {
            columns.add(x);
        }
        double[] inkOf = new double[ink.width()];
        for (int x = lo; x <= hi; x++) {
            inkOf[x] = columnInk(ink, x); // once per column, not once per comparison
        }
        columns.sort(java.util.Comparator.comparingDouble(x -> inkOf[x]));
        List<Integer> chosen = new ArrayList<>();
        int spacing = Math.max(1, ink.width() / 10);
        for (int x : columns) {
            if (chosen.size() == count) {
                break;
            }
            if (chosen.stream().allMatch(c -> Math.abs(c - x) >= spacing)) {
                chosen.add(x);
            }
        }
        return chosen;
    }

    /** Touching digits cut apart leave two parts each nearly as high as the pair. */
    private boolean bothDigitHigh(Box left, Box right, int height) {
        return !left.isEmpty()
                && !right.isEmpty()
                && Math.min(left.height(), right.height()) >= rules.minPartHeight() * height;
    }

    /** The column in the middle part of the ink with the least ink (the middlemost of equals). */
    private static int leastInkColumn(FloatImage ink, double margin) {
        int lo = (int) Math.ceil(ink.width() * margin);
        int hi = (int) Math.floor(ink.width() * (1 - margin));
        double middle = ink.width() / 2.0;
        int best = lo;
        double bestInk = Double.MAX_VALUE;
        for (int x = lo; x <= hi; x++) {
            double column = columnInk(ink, x);
            boolean better = column < bestInk - 1e-6
                    || (Math.abs(column - bestInk) <= 1e-6 && Math.abs(x - middle) < Math.abs(best - middle));
            if (better) {
                bestInk = column;
                best = x;
            }
        }
        return best;
    }

    private static double columnInk(FloatImage ink, int x) {
        double sum = 0;
        for (int y = 0; y < ink.height(); y++) {
            sum += ink.get(x, y);
        }
        return sum;
    }

    /**
     * Mean stroke width of the ink, in pixels: twice the area over the boundary length (a stroke of
     * width w and length L has area wL and about 2L boundary pixels).
     */
    static double strokeWidth(FloatImage ink) {
        int area = 0;
        int boundary = 0;
        for (int y = 0; y < ink.height(); y++) {
            for (int x = 0; x < ink.width(); x++) {
                if (!solid(ink, x, y)) {
                    continue;
                }
                area++;
                if (!solid(ink, x - 1, y) || !solid(ink, x + 1, y) || !solid(ink, x, y - 1) || !solid(ink, x, y + 1)) {
                    boundary++;
                }
            }
        }
        return boundary == 0 ? 0 : 2.0 * area / boundary;
    }

    private static boolean solid(FloatImage ink, int x, int y) {
        return x >= 0 && y >= 0 && x < ink.width() && y < ink.height() && ink.get(x, y) >= 0.5f;
    }
}
