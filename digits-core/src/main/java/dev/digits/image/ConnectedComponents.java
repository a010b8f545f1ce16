package dev.digits.image;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Labels the 8-connected regions of the pixels above a level (diagonal neighbours join, as pen strokes do). */
public final class ConnectedComponents {
    /** Label of a pixel that belongs to no component. */
    public static final int NONE = -1;

    /** Every pixel's component id ({@link #NONE} where it is not above the level) and the components, ids 0, 1, 2... */
    public record Labelling(int width, int height, int[] labels, List<Component> components) {}

    private ConnectedComponents() {}

    /**
     * Labels the pixels of {@code values} (row-major, {@code width} x {@code height}) above {@code level}
     * by runs: each row's runs of such pixels are joined to the runs they touch in the row above
     * (diagonals included), then numbered in the order of their first pixel, row by row: the ids a flood
     * fill from each unlabelled pixel in reading order gives.
     */
    public static Labelling label(float[] values, float level, int width, int height) {
        Runs runs = Runs.of(values, level, width, height);
        int n = runs.count;
        int[] parent = new int[n];
        int above = 0; // the first run of the row above that may still touch a run of this row
        for (int r = 0; r < n; r++) {
            parent[r] = r;
            int y = runs.row[r];
            // Runs of the row above lie left to right: those ending before this run's start (less the
            // diagonal) touch neither it nor any later run of this row.
            while (above < r
                    && (runs.row[above] < y - 1 || (runs.row[above] == y - 1 && runs.end[above] < runs.start[r]))) {
                above++;
            }
            for (int a = above; a < r && runs.row[a] == y - 1 && runs.start[a] <= runs.end[r]; a++) {
                union(parent, a, r);
            }
        }
        int[] labels = new int[values.length];
        Arrays.fill(labels, NONE);
        int[] ids = new int[n];
        int[] x0 = new int[n], y0 = new int[n], x1 = new int[n], y1 = new int[n], area = new int[n];
        int count = 0;
        for (int r = 0; r < n; r++) {
            int root = find(parent, r);
            int id;
            if (root == r) {
                id = count++;
                x0[id] = width;
                y0[id] = runs.row[r];
            } else {
                id = ids[root];
            }
            ids[r] = id;
            int y = runs.row[r];
            x0[id] = Math.min(x0[id], runs.start[r]);
            x1[id] = Math.max(x1[id], runs.end[r]);
            y1[id] = y + 1;
            area[id] += runs.end[r] - runs.start[r];
            Arrays.fill(labels, y * width + runs.start[r], y * width + runs.end[r], id);
        }
        List<Component> components = new ArrayList<>(count);
        for (int id = 0; id < count; id++) {
            components.add(new Component(id, Box.spanning(x0[id], y0[id], x1[id], y1[id]), area[id]));
        }
        return new Labelling(width, height, labels, components);
    }

    /** Joins the sets of runs {@code a} and {@code b}; the root of a set is its first run. */
    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra < rb) {
            parent[rb] = ra;
        } else if (rb < ra) {
            parent[ra] = rb;
        }
    }

    private static int find(int[] parent, int r) {
        while (parent[r] != r) {
            parent[r] = parent[parent[r]];
            r = parent[r];
        }
        return r;
    }

    /** The runs of pixels above the level, row by row and left to right: run {@code i} covers {@code [start, end)} of {@code row}. */
    private static final class Runs {
        int count;
        int[] row = new int[64];
        int[] start = new int[64];
        int[] end = new int[64];

        static Runs of(float[] values, float level, int width, int height) {
            Runs runs = new Runs();
            for (int y = 0; y < height; y++) {
                int offset = y * width;
                int x = 0;
                while (x < width) {
                    while (x < width && !(values[offset + x] > level)) {
                        x++;
                    }
                    if (x == width) {
                        break;
                    }
                    int first = x;
                    while (x < width && values[offset + x] > level) {
                        x++;
                    }
                    runs.add(y, first, x);
                }
            }
            return runs;
        }

        private void add(int y, int from, int to) {
            if (count == row.length) {
                row = Arrays.copyOf(row, 2 * count);
                start = Arrays.copyOf(start, 2 * count);
                end = Arrays.copyOf(end, 2 * count);
            }
            row[count] = y;
            start[count] = from;
            end[count] = to;
            count++;
        }
    }
}
