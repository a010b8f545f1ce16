package dev.digits.image;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts touching digits apart. A piece wider than {@value #MAX_ASPECT} times its height (about 2% of
 * MNIST digits are that wide) is cut at the column with the least ink in its middle part, unless that
 * column crosses more than {@value #MAX_BRIDGE_STROKES} stroke widths of ink (a wide 0) or a part would
 * be less than {@value #MIN_PART_HEIGHT} of its height (a stroke sheared off a wide 5); the parts are
 * checked again, against at least the fragment height of the line so that a cut-off piece of stroke
 * is not cut further.
 */
final class TouchingDigits {
    static final double MAX_ASPECT = 1.25;
    /** Both parts of a cut must be at least this fraction of the cut piece's height. */
    static final double MIN_PART_HEIGHT = 0.6;
    /** Touching digits are joined by a bridge: the cut crosses at most this many stroke widths of ink. */
    static final double MAX_BRIDGE_STROKES = 1.5;
    /** Cuts are looked for in this central part of a piece: a digit is rarely narrower than that. */
    private static final double CUT_MARGIN = 0.25;
    /** With a classifier to ask, pieces this wide (relative to their height) are candidates for a cut. */
    static final double DOUBT_ASPECT = 0.4;
    /**
     * Pieces narrower than this are mostly one digit, but a 1 leaning on its neighbour makes a pair no
     * wider (a touching "11" is a V): they are cut only where the parts read {@value #NARROW_MARGIN}
     * (log-odds) more surely than the whole.
     */
    static final double NARROW_ASPECT = 0.75;

    static final double NARROW_MARGIN = 2;
    /** Where the classifier judges, cuts are tried this close to the piece's sides (a 1 beside an 8 is narrow). */
    private static final double WIDE_CUT_MARGIN = 0.15;
    /** How many cut positions the classifier compares. */
    private static final int CANDIDATE_CUTS = 3;
    /**
     * How much more sure (in log-odds: 0.5 is 1.6 times the odds) the classifier must be of the parts
     * than of the whole to cut against the shape's verdict, and how much less sure it may be to cut with it.
     * Small, because the cutting network ({@code BundledModel.CUTTER}) is unsure of pairs by training
     * (measured on three bench seeds: 0.5 here and 2 for narrow pieces took the numbers read wrong from 147
     * to 136 of 3,000, against 2 and 4, which suited the reading network).
     */
    static final double CONFIDENCE_MARGIN = 0.5;
    /**
     * Where only its shape speaks against the whole (read as surely as the parts, but too wide for what
     * it reads as), both parts must read at least this surely (log-odds; 6.2 is a probability of 0.998):
     * the halves of a very wide 0 read as a 6 and a 7 often enough, two touching 9s as two 9s almost surely.
     */
    static final double SURE_PARTS = 6.2;

    private TouchingDigits() {}

    /** Adds {@code piece} to {@code out}, cut into digits if it holds touching ones, left part first. */
    static void split(InkMap map, Piece piece, int lineHeight, List<Piece> out) {
        split(map, piece, lineHeight, out, null);
    }

    /**
     * As {@link #split(InkMap, Piece, int, List)}, but where the shape leaves doubt (a piece wider than
     * {@value #DOUBT_ASPECT} of its height, or a cut through more ink than a thin bridge) the classifier
     * compares the piece whole against its two parts: interlocked digits have no thin bridge, and a wide
     * single digit (a 5 with a long bar) reads better whole than cut.
     */
    static void split(InkMap map, Piece piece, int lineHeight, List<Piece> out, DigitScorer scorer) {
        Box box = piece.box();
        // A part already cut off a stroke (the end of a 5's bar) is judged against the line, not itself.
        double height = Math.max(box.height(), PieceJoiner.FRAGMENT_HEIGHT * lineHeight);
        if (box.width() <= (scorer == null ? MAX_ASPECT : DOUBT_ASPECT) * height) {
            out.add(piece);
            return;
        }
        FloatImage ink = piece.ink(map);
        Piece[] parts =
                scorer == null ? shapeCut(map, piece, ink, height) : bestReadCut(map, piece, ink, height, scorer);
        if (parts == null) {
            out.add(piece);
            return;
        }
        split(map, parts[0], lineHeight, out, scorer);
        split(map, parts[1], lineHeight, out, scorer);
    }

    /** The cut the shape alone vouches for: a thin bridge at the least-ink column of a clearly too wide piece. */
    private static Piece[] shapeCut(InkMap map, Piece piece, FloatImage ink, double height) {
        int cut = leastInkColumn(ink, CUT_MARGIN);
        Piece[] parts = cutAt(map, piece, cut);
        boolean clear = piece.box().width() > MAX_ASPECT * height
                && columnInk(ink, cut) <= MAX_BRIDGE_STROKES * strokeWidth(ink);
        return clear
                        && bothDigitHigh(
                                parts[0].box(), parts[1].box(), piece.box().height())
                ? parts
                : null;
    }

    /**
     * The cut, among the few columns with least ink, whose two parts read best, if both parts read more
     * plausibly than the whole (confidence weighed by how well each reading fits its box's shape, so that
     * a pair read as one very wide 9 loses to two ordinary 9s; see {@link #SURE_PARTS}): interlocked
     * digits have no thin bridge, and a wide single digit (a 5 with a long bar) reads better whole than cut.
     */
    private static Piece[] bestReadCut(InkMap map, Piece piece, FloatImage ink, double height, DigitScorer scorer) {
        List<Piece[]> candidates = new ArrayList<>();
        for (int cut : leastInkColumns(ink, CANDIDATE_CUTS)) {
            Piece[] parts = cutAt(map, piece, cut);
            if (bothDigitHigh(parts[0].box(), parts[1].box(), piece.box().height())) {
                candidates.add(parts);
            }
        }
        if (candidates.isEmpty()) {
            return null;
        }
        List<float[]> inputs = new ArrayList<>();
        inputs.add(MnistFormat.input(piece.ink(map)));
        for (Piece[] parts : candidates) {
            inputs.add(MnistFormat.input(parts[0].ink(map)));
            inputs.add(MnistFormat.input(parts[1].ink(map)));
        }
        DigitScorer.Guess[] guesses = scorer.read(inputs);
        double whole = guesses[0].plausibility(piece.box());
        int best = -1;
        double bestParts = 0;
        for (int i = 0; i < candidates.size(); i++) {
            Piece[] parts = candidates.get(i);
            double weaker = Math.min(
                    guesses[1 + 2 * i].plausibility(parts[0].box()), guesses[2 + 2 * i].plausibility(parts[1].box()));
            if (best < 0 || weaker > bestParts) {
                best = i;
                bestParts = weaker;
            }
        }
        boolean shapeSaysCut = shapeCut(map, piece, ink, height) != null;
        boolean narrow = piece.box().width() <= NARROW_ASPECT * height;
        double margin = shapeSaysCut ? -CONFIDENCE_MARGIN : narrow ? NARROW_MARGIN : CONFIDENCE_MARGIN;
        boolean onlyTooWide = bestParts <= guesses[0].certainty() + margin;
        return bestParts > whole + margin && (!onlyTooWide || bestParts >= SURE_PARTS) ? candidates.get(best) : null;
    }

    private static Piece[] cutAt(InkMap map, Piece piece, int cut) {
        Box box = piece.box();
        return new Piece[] {
            Piece.of(map, piece.ids(), piece.from(), box.x() + cut),
            Piece.of(map, piece.ids(), box.x() + cut, piece.to())
        };
    }

    /** Up to {@code count} columns of least ink within the middle of the piece, at least a tenth of its width apart. */
    private static List<Integer> leastInkColumns(FloatImage ink, int count) {
        int lo = (int) Math.ceil(ink.width() * WIDE_CUT_MARGIN);
        int hi = (int) Math.floor(ink.width() * (1 - WIDE_CUT_MARGIN));
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
    private static boolean bothDigitHigh(Box left, Box right, int height) {
        return !left.isEmpty()
                && !right.isEmpty()
                && Math.min(left.height(), right.height()) >= MIN_PART_HEIGHT * height;
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
