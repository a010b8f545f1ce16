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
 *       extents overlap by at least half the narrower one's width, the narrower one's centre lies
 *       over the wider one, and at least one of them is a fragment, shorter than
 *       {@value #FRAGMENT_HEIGHT} of the line's tallest component; a stub, shorter than
 *       {@value #STUB_HEIGHT} of the line, also joins a piece its extent touches if together they
 *       are no wider than high (a 5's bar overhanging its body, a 6's detached stem). Two full-height
 *       pieces are neighbouring digits even when they overlap (a 1 tucked under a 7's bar).</li>
 *   <li>Crumbs (small pieces beside a digit) join the nearest piece.</li>
 *   <li>A piece wider than {@value #MAX_ASPECT} times its height holds touching digits (about 2% of
 *       MNIST digits are that wide): it is cut at the column with the least ink in its middle part,
 *       unless that column crosses more than {@value #MAX_BRIDGE_STROKES} stroke widths of ink (a wide 0)
 *       or a part would be less than {@value #MIN_PART_HEIGHT} of its height (a stroke sheared off a
 *       wide 5), and the parts are checked again (against at least {@value #FRAGMENT_HEIGHT} of the line height,
 *       so that a cut-off piece of stroke is not cut further).</li>
 * </ol>
 */
final class Segmenter {
    static final double MIN_OVERLAP = 0.5;
    static final double FRAGMENT_HEIGHT = 0.75;
    static final double MAX_ASPECT = 1.25;
    static final double CRUMB = 0.5;
    static final double STUB_HEIGHT = 0.5;
    /** Both parts of a cut must be at least this fraction of the cut piece's height. */
    static final double MIN_PART_HEIGHT = 0.6;
    /** Touching digits are joined by a bridge: the cut crosses at most this many stroke widths of ink. */
    static final double MAX_BRIDGE_STROKES = 1.5;
    /** Cuts are looked for in this central part of a piece: a digit is rarely narrower than that. */
    private static final double CUT_MARGIN = 0.25;

    private Segmenter() {}

    /** A digit's ink: the components it is made of, limited to the columns {@code [from, to)}. */
    record Piece(Set<Integer> ids, int from, int to, Box box) {}

    /** The digits of {@code map}, left to right; each is the map's ink restricted to that digit. */
    static List<Piece> segment(InkMap map) {
        int lineHeight = map.components().stream().mapToInt(c -> c.box().height()).max().orElse(0);
        List<Piece> pieces = merge(map, lineHeight);
        List<Piece> digits = new ArrayList<>();
        for (Piece piece : pieces) {
            split(map, piece, lineHeight, digits);
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

    private static List<Piece> merge(InkMap map, int lineHeight) {
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
        attachCrumbs(groups, boxes, lineHeight);
        return groups.stream().map(ids -> bounded(map, ids, 0, map.ink().width())).toList();
    }

    /**
     * Crumbs, pieces smaller than {@value #CRUMB} of the line height both ways that overlap nothing
     * (the tip of a stroke broken off beside its digit), join the horizontally nearest piece.
     */
    private static void attachCrumbs(List<Set<Integer>> groups, List<Box> boxes, int lineHeight) {
        for (int i = 0; i < groups.size() && groups.size() > 1; i++) {
            Box crumb = boxes.get(i);
            if (crumb.width() >= CRUMB * lineHeight || crumb.height() >= CRUMB * lineHeight) {
                continue;
            }
            int nearest = -1;
            int nearestGap = Integer.MAX_VALUE;
            for (int j = 0; j < groups.size(); j++) {
                int gap = horizontalGap(crumb, boxes.get(j));
                if (j != i && gap < nearestGap) {
                    nearest = j;
                    nearestGap = gap;
                }
            }
            Set<Integer> crumbIds = groups.remove(i);
            boxes.remove(i);
            int target = nearest > i ? nearest - 1 : nearest;
            groups.get(target).addAll(crumbIds);
            boxes.set(target, boxes.get(target).union(crumb));
            i = -1; // indices moved; start over (there are few pieces)
        }
    }

    private static int horizontalGap(Box a, Box b) {
        return Math.max(0, Math.max(a.x(), b.x()) - Math.min(a.right(), b.right()));
    }

    private static boolean sameDigit(Box a, Box b, int lineHeight) {
        Box narrow = a.width() <= b.width() ? a : b;
        Box wide = narrow == a ? b : a;
        Box low = a.height() <= b.height() ? a : b;
        int overlap = a.horizontalOverlap(b);
        if (low.height() >= FRAGMENT_HEIGHT * lineHeight) {
            return false;
        }
        boolean stacked = overlap >= MIN_OVERLAP * narrow.width()
                && narrow.centreX() >= wide.x() && narrow.centreX() <= wide.right();
        Box union = a.union(b);
        boolean stub = overlap > 0 && low.height() < STUB_HEIGHT * lineHeight && union.width() <= MAX_ASPECT * union.height();
        return stacked || stub;
    }

    private static void split(InkMap map, Piece piece, int lineHeight, List<Piece> out) {
        Box box = piece.box();
        // A part already cut off a stroke (the end of a 5's bar) is judged against the line, not itself.
        double height = Math.max(box.height(), FRAGMENT_HEIGHT * lineHeight);
        if (box.width() <= MAX_ASPECT * height) {
            out.add(piece);
            return;
        }
        FloatImage ink = inkOf(map, piece);
        int cut = leastInkColumn(ink);
        Piece left = bounded(map, piece.ids(), piece.from(), box.x() + cut);
        Piece right = bounded(map, piece.ids(), box.x() + cut, piece.to());
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
