package dev.digits.image;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds what a photo shows around the page: the table, a shadow, the edge of the sheet. Such a piece
 * runs along the image border, while a digit at most touches it with a stroke end, so a piece lying on
 * at least {@value #SIDE_FRACTION} of any one side is not ink.
 */
final class BorderClutter {
    static final double SIDE_FRACTION = 0.5;

    private BorderClutter() {}

    /** The ids of the components that lie along a side of the image. */
    static Set<Integer> of(ConnectedComponents.Labelling labelling) {
        int w = labelling.width();
        int h = labelling.height();
        int[] labels = labelling.labels();
        int n = labelling.components().size();
        int[][] perSide = new int[4][n];
        for (int x = 0; x < w; x++) {
            count(perSide[0], labels[x]);
            count(perSide[1], labels[(h - 1) * w + x]);
        }
        for (int y = 0; y < h; y++) {
            count(perSide[2], labels[y * w]);
            count(perSide[3], labels[y * w + w - 1]);
        }
        Set<Integer> clutter = new HashSet<>();
        for (int id = 0; id < n; id++) {
            if (perSide[0][id] >= SIDE_FRACTION * w
                    || perSide[1][id] >= SIDE_FRACTION * w
                    || perSide[2][id] >= SIDE_FRACTION * h
                    || perSide[3][id] >= SIDE_FRACTION * h) {
                clutter.add(id);
            }
        }
        return clutter;
    }

    private static void count(int[] counts, int label) {
        if (label != ConnectedComponents.NONE) {
            counts[label]++;
        }
    }

    static List<Component> removeFrom(List<Component> components, Set<Integer> clutter) {
        return components.stream().filter(c -> !clutter.contains(c.id())).toList();
    }
}
