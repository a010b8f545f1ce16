package dev.digits.image;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Joins pieces of one digit that do not touch (the bar of a 5, a 4 or 7 drawn in two strokes, a
 * stroke broken by a dry pen), by the rules of {@link SegmentationRules.Joining}. Two pieces join when
 * their horizontal extents overlap enough, the narrower one's centre lies over the wider one, and at
 * least one is a fragment. A stub also joins a piece its extent touches if together they are no wider
 * than a single digit may be (a 5's bar overhanging its body, a 6's detached stem). Two full-height
 * pieces are neighbouring digits even when they overlap (a 1 tucked under a 7's bar). Last, crumbs join
 * the nearest piece.
 */
final class PieceJoiner {
    private PieceJoiner() {}

    /** The pieces of an ink map, those of one digit joined. */
    static List<Piece> join(Pieces pieces, int lineHeight, SegmentationRules rules) {
        return groups(pieces.map(), lineHeight, rules).stream()
                .map(pieces::whole)
                .toList();
    }

    /** The component ids of each piece {@link #join} gives, without finding where each one's ink lies. */
    static List<Set<Integer>> groups(InkMap map, int lineHeight, SegmentationRules rules) {
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
                    if (sameDigit(boxes.get(i), boxes.get(j), lineHeight, rules)) {
                        groups.get(i).addAll(groups.remove(j));
                        boxes.set(i, boxes.get(i).union(boxes.remove(j)));
                        merged = true;
                        break search;
                    }
                }
            }
        }
        attachCrumbs(groups, boxes, rules.joining().crumb() * lineHeight);
        return groups;
    }

    /**
     * Crumbs, pieces smaller than {@code crumb} pixels both ways that overlap nothing (the tip of a
     * stroke broken off beside its digit), join the horizontally nearest piece.
     */
    private static void attachCrumbs(List<Set<Integer>> groups, List<Box> boxes, double crumb) {
        for (int i = 0; i < groups.size() && groups.size() > 1; i++) {
            Box box = boxes.get(i);
            if (box.width() >= crumb || box.height() >= crumb) {
                continue;
            }
            int nearest = -1;
            int nearestGap = Integer.MAX_VALUE;
            for (int j = 0; j < groups.size(); j++) {
                int gap = horizontalGap(box, boxes.get(j));
                if (j != i && gap < nearestGap) {
                    nearest = j;
                    nearestGap = gap;
                }
            }
            Set<Integer> crumbIds = groups.remove(i);
            boxes.remove(i);
            int target = nearest > i ? nearest - 1 : nearest;
            groups.get(target).addAll(crumbIds);
            boxes.set(target, boxes.get(target).union(box));
            i = -1; // indices moved; start over (there are few pieces)
        }
    }

    private static int horizontalGap(Box a, Box b) {
        return Math.max(0, Math.max(a.x(), b.x()) - Math.min(a.right(), b.right()));
    }

    private static boolean sameDigit(Box a, Box b, int lineHeight, SegmentationRules rules) {
        SegmentationRules.Joining joining = rules.joining();
        Box narrow = a.width() <= b.width() ? a : b;
        Box wide = narrow == a ? b : a;
        Box low = a.height() <= b.height() ? a : b;
        int overlap = a.horizontalOverlap(b);
        if (low.height() >= joining.fragmentHeight() * lineHeight) {
            return false;
        }
        boolean stacked = overlap >= joining.minOverlap() * narrow.width()
                && narrow.centreX() >= wide.x()
                && narrow.centreX() <= wide.right();
        Box union = a.union(b);
        boolean stub = overlap > 0
                && low.height() < joining.stubHeight() * lineHeight
                && union.width() <= rules.cutting().maxAspect() * union.height();
        return stacked || stub;
    }
}
