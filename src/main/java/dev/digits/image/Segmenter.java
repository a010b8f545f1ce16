package dev.digits.image;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Splits the ink of a line of handwriting into digits, left to right.
 *
 * <ol>
 *   <li>Each connected component starts as a piece.</li>
 *   <li>Pieces of one digit that do not touch (the bar of a 5, the halves of a 4 or 7 drawn in two
 *       strokes, a stroke broken by a dry pen) are joined: two pieces join when their horizontal
 *       extents overlap by at least half the narrower one's width and at least one of them is a
 *       fragment, shorter than {@value #FRAGMENT_HEIGHT} of the line's tallest component. Two full-height
 *       pieces are neighbouring digits even when they overlap (a 1 tucked under a 7's bar).</li>
 *   <li>A piece wider than {@value #MAX_ASPECT} times its height holds touching digits (fewer than 1.5% of
 *       MNIST digits are that wide): it is cut at the column with the least ink in its middle part,
 *       and the parts are checked again.</li>
 * </ol>
 */
final class Segmenter {
    static final double MIN_OVERLAP = 0.5;
    static final double FRAGMENT_HEIGHT = 0.75;
    static final double MAX_ASPECT = 1.3;
    /** Cuts are looked for in this central part of a piece: a digit is rarely narrower than that. */
    private static final double CUT_MARGIN = 0.25;

    private Segmenter() {}

    /** A digit's ink: the components it is made of, limited to the columns {@code [from, to)}. */
    record Piece(Set<Integer> ids, int from, int to, Box box) {}

    /** The digits of {@code map}, left to right; each is the map's ink restricted to that digit. */
    static List<Piece> segment(InkMap map) {
        List<Piece> pieces = merge(map);
        List<Piece> digits = new ArrayList<>();
        for (Piece piece : pieces) {
            split(map, piece, digits);
        }
        digits.sort(Comparator.comparingDouble(p -> p.box().centreX()));
        return digits;
    }

    /** All ink as one digit. */
    static Piece whole(InkMap map) {
        Set<Integer> ids = new HashSet<>();
        map.components().forEach(c -> ids.add(c.id()));
        return bounded(map, ids, 0, map.ink().width());
    }

    /** The ink of {@code piece}, background elsewhere, cropped to the piece's box. */
    static FloatImage inkOf(InkMap map, Piece piece) {
        FloatImage crop = FloatImage.blank(piece.box().width(), piece.box().height());
        int width = map.ink().width();
        for (int y = 0; y < crop.height(); y++) {
            for (int x = 0; x < crop.width(); x++) {
                int p = (piece.box().y() + y) * width + piece.box().x() + x;
                if (piece.ids().contains(map.labels()[p])) {
                    crop.set(x, y, map.ink().pixels()[p]);
                }
            }
        }
        return crop;
    }

    private static List<Piece> merge(InkMap map) {
        int lineHeight = map.components().stream().mapToInt(c -> c.box().height()).max().orElse(0);
        List<Set<Integer>> groups = new ArrayList<>();
        List<Box> boxes = new ArrayList<>();
        for (Component c : map.components()) {
            groups.add(new HashSet<>(Set.of(c.id())));
            boxes.add(c.box());
        }
        boolean merged = true;
        while (merged) {
            merged = false;
            search:
            for (int i = 0; i < groups.size(); i++) {
                for (int j = i + 1; j < groups.size(); j++) {
                    if (sameDigit(boxes.get(i), boxes.get(j), lineHeight)) {
                        groups.get(i).addAll(groups.remove(j));
                        boxes.set(i, boxes.get(i).union(boxes.remove(j)));
                        merged = true;
                        break search;
                    }
                }
            }
        }
        return groups.stream().map(ids -> bounded(map, ids, 0, map.ink().width())).toList();
    }

    private static boolean sameDigit(Box a, Box b, int lineHeight) {
        int narrower = Math.min(a.width(), b.width());
        boolean overlapping = a.horizontalOverlap(b) >= MIN_OVERLAP * narrower;
        boolean fragment = Math.min(a.height(), b.height()) < FRAGMENT_HEIGHT * lineHeight;
        return overlapping && fragment;
    }

    private static void split(InkMap map, Piece piece, List<Piece> out) {
        Box box = piece.box();
        if (box.width() <= MAX_ASPECT * box.height()) {
            out.add(piece);
            return;
        }
        int cut = leastInkColumn(map, piece);
        Piece left = bounded(map, piece.ids(), piece.from(), cut);
        Piece right = bounded(map, piece.ids(), cut, piece.to());
        if (left.box().isEmpty() || right.box().isEmpty()) {
            out.add(piece);
            return;
        }
        split(map, left, out);
        split(map, right, out);
    }

    /** The column in the middle part of the piece with the least ink (the middlemost of equals). */
    private static int leastInkColumn(InkMap map, Piece piece) {
        Box box = piece.box();
        FloatImage ink = inkOf(map, piece);
        int lo = (int) Math.ceil(box.width() * CUT_MARGIN);
        int hi = (int) Math.floor(box.width() * (1 - CUT_MARGIN));
        double middle = box.width() / 2.0;
        int best = lo;
        double bestInk = Double.MAX_VALUE;
        for (int x = lo; x <= hi; x++) {
            double column = 0;
            for (int y = 0; y < ink.height(); y++) {
                column += ink.get(x, y);
            }
            boolean better = column < bestInk - 1e-6
                    || (Math.abs(column - bestInk) <= 1e-6 && Math.abs(x - middle) < Math.abs(best - middle));
            if (better) {
                bestInk = column;
                best = x;
            }
        }
        return box.x() + best;
    }

    /** The piece made of {@code ids} within columns {@code [from, to)}, with the box of its ink. */
    private static Piece bounded(InkMap map, Set<Integer> ids, int from, int to) {
        FloatImage ink = map.ink();
        int width = ink.width();
        Box region = reach(map, ids);
        int x0 = width, y0 = ink.height(), x1 = 0, y1 = 0;
        for (int y = region.y(); y < region.bottom(); y++) {
            for (int x = Math.max(from, region.x()); x < Math.min(to, region.right()); x++) {
                int p = y * width + x;
                if (ink.pixels()[p] > 0 && ids.contains(map.labels()[p])) {
                    x0 = Math.min(x0, x);
                    x1 = Math.max(x1, x + 1);
                    y0 = Math.min(y0, y);
                    y1 = Math.max(y1, y + 1);
                }
            }
        }
        Box box = x1 == 0 ? new Box(from, 0, 0, 0) : Box.spanning(x0, y0, x1, y1);
        return new Piece(Set.copyOf(ids), from, to, box);
    }

    /** Where the ink of these components can be: their boxes, grown by the one-pixel rim, within the image. */
    private static Box reach(InkMap map, Set<Integer> ids) {
        Box union = null;
        for (Component c : map.components()) {
            if (ids.contains(c.id())) {
                union = union == null ? c.box() : union.union(c.box());
            }
        }
        if (union == null) {
            return new Box(0, 0, 0, 0);
        }
        return Box.spanning(Math.max(0, union.x() - 1), Math.max(0, union.y() - 1),
                Math.min(map.ink().width(), union.right() + 1), Math.min(map.ink().height(), union.bottom() + 1));
    }
}
