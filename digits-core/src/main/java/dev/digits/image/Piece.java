package dev.digits.image;

import java.util.Set;

/**
 * A digit's ink within an {@link InkMap}: the components it is made of, limited to the columns
 * {@code [from, to)} (a cut through touching digits), and the box its ink spans.
 */
record Piece(Set<Integer> ids, int from, int to, Box box) {
    /** The piece made of {@code ids} within columns {@code [from, to)}, with the box of its ink. */
    static Piece of(InkMap map, Set<Integer> ids, int from, int to) {
        FloatImage ink = map.ink();
        int width = ink.width();
        Box region = reach(map, ids);
        boolean[] members = Component.members(ids);
        int x0 = width, y0 = ink.height(), x1 = 0, y1 = 0;
        for (int y = region.y(); y < region.bottom(); y++) {
            for (int x = Math.max(from, region.x()); x < Math.min(to, region.right()); x++) {
                int p = y * width + x;
                if (ink.pixels()[p] > 0 && Component.isMember(members, map.labels()[p])) {
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
