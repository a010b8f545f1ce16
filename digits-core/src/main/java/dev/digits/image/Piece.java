package dev.digits.image;

import java.util.Arrays;
import java.util.Set;

/**
 * A digit's ink within an {@link InkMap}: the components it is made of, limited to the columns
 * {@code [from, to)} (a cut through touching digits), and the box its ink spans.
 */
record Piece(Set<Integer> ids, int from, int to, Box box) {
    /**
     * Where the ink of some components lies, column by column: the pieces they make between any two
     * columns (the parts of a cut), without looking at the ink again for each.
     */
    static final class Columns {
        private final Set<Integer> ids;
        /** Per column, the first row with ink and the row after the last, or -1 where it has none. */
        private final int[] top;

        private final int[] bottom;

        private Columns(Set<Integer> ids, int[] top, int[] bottom) {
            this.ids = ids;
            this.top = top;
            this.bottom = bottom;
        }

        /** The ink of {@code ids} in {@code map}: its pixels above 0 that carry one of their labels. */
        static Columns of(InkMap map, Set<Integer> ids) {
            FloatImage ink = map.ink();
            int width = ink.width();
            int[] top = new int[width];
            int[] bottom = new int[width];
            Arrays.fill(top, -1);
            Arrays.fill(bottom, -1);
            Box region = reach(map, ids);
            boolean[] members = Component.members(ids);
            for (int y = region.y(); y < region.bottom(); y++) {
                for (int x = region.x(); x < region.right(); x++) {
                    int p = y * width + x;
                    if (ink.pixels()[p] > 0 && Component.isMember(members, map.labels()[p])) {
                        if (top[x] < 0) {
                            top[x] = y;
                        }
                        bottom[x] = y + 1;
                    }
                }
            }
            return new Columns(Set.copyOf(ids), top, bottom);
        }

        /** The piece these components make within columns {@code [from, to)}, with the box of its ink. */
        Piece piece(int from, int to) {
            int x0 = -1, x1 = 0, y0 = Integer.MAX_VALUE, y1 = 0;
            for (int x = Math.max(0, from); x < Math.min(to, top.length); x++) {
                if (top[x] >= 0) {
                    x0 = x0 < 0 ? x : x0;
                    x1 = x + 1;
                    y0 = Math.min(y0, top[x]);
                    y1 = Math.max(y1, bottom[x]);
                }
            }
            Box box = x0 < 0 ? new Box(from, 0, 0, 0) : Box.spanning(x0, y0, x1, y1);
            return new Piece(ids, from, to, box);
        }
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
        return Box.spanning(
                Math.max(0, union.x() - 1),
                Math.max(0, union.y() - 1),
                Math.min(map.ink().width(), union.right() + 1),
                Math.min(map.ink().height(), union.bottom() + 1));
    }

    /** This piece's ink, background elsewhere (a neighbour's strokes too), cropped to its box. */
    FloatImage ink(InkMap map) {
        FloatImage crop = FloatImage.blank(box.width(), box.height());
        int width = map.ink().width();
        boolean[] members = Component.members(ids);
        for (int y = 0; y < crop.height(); y++) {
            for (int x = 0; x < crop.width(); x++) {
                int p = (box.y() + y) * width + box.x() + x;
                if (Component.isMember(members, map.labels()[p])) {
                    crop.set(x, y, map.ink().pixels()[p]);
                }
            }
        }
        return crop;
    }
}
