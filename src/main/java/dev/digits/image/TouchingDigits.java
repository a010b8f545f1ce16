package dev.digits.image;

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

    private TouchingDigits() {}

    /** Adds {@code piece} to {@code out}, cut into digits if it holds touching ones, left part first. */
    static void split(InkMap map, Piece piece, int lineHeight, List<Piece> out) {
        Box box = piece.box();
        // A part already cut off a stroke (the end of a 5's bar) is judged against the line, not itself.
        double height = Math.max(box.height(), PieceJoiner.FRAGMENT_HEIGHT * lineHeight);
        if (box.width() <= MAX_ASPECT * height) {
            out.add(piece);
            return;
        }
        FloatImage ink = piece.ink(map);
        int cut = leastInkColumn(ink);
        Piece left = Piece.of(map, piece.ids(), piece.from(), box.x() + cut);
        Piece right = Piece.of(map, piece.ids(), box.x() + cut, piece.to());
        boolean bridge = columnInk(ink, cut) <= MAX_BRIDGE_STROKES * strokeWidth(ink);
        if (!bridge || !bothDigitHigh(left.box(), right.box(), box.height())) {
            // A wide single digit: cutting a 0 would cross two strokes, cutting a 5 with a long bar
            // would shear off a stroke.
            out.add(piece);
            return;
        }
        split(map, left, lineHeight, out);
        split(map, right, lineHeight, out);
    }

    /** Touching digits cut apart leave two parts each nearly as high as the pair. */
    private static boolean bothDigitHigh(Box left, Box right, int height) {
        return !left.isEmpty() && !right.isEmpty()
                && Math.min(left.height(), right.height()) >= MIN_PART_HEIGHT * height;
    }

    /** The column in the middle part of the ink with the least ink (the middlemost of equals). */
    private static int leastInkColumn(FloatImage ink) {
        int lo = (int) Math.ceil(ink.width() * CUT_MARGIN);
        int hi = (int) Math.floor(ink.width() * (1 - CUT_MARGIN));
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
