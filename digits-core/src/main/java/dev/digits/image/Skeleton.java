package dev.digits.image;

import java.util.ArrayList;
import java.util.List;

/**
 * Thins ink to its one-pixel centre line (Zhang and Suen, 1984) and draws that line again with a
 * round pen of a chosen width: strokes of any thickness come out the same width, with their shape.
 */
final class Skeleton {
    private Skeleton() {}

    /**
     * The ink above {@code level} thinned and redrawn {@code width} pixels wide, anti-aliased, on a
     * canvas of the same size. {@code strokeWidth}, the ink's own width, sets how much of the ragged
     * outline is smoothed away first, and how short a side branch of the centre line must be to be a
     * spur of that outline rather than a stroke.
     */
    static FloatImage redraw(FloatImage ink, float level, double width, double strokeWidth) {
        int w = ink.width();
        int h = ink.height();
        int smoothing = Math.max(1, (int) Math.round(strokeWidth / 3)) | 1;
        FloatImage smooth = new FloatImage(w, h, Filters.boxBlur(ink.pixels(), w, h, smoothing));
        boolean[] line = pruned(thin(smooth, level), w, h, (int) Math.round(strokeWidth / 2));
        List<int[]> points = new ArrayList<>();
        for (int i = 0; i < line.length; i++) {
            if (line[i]) {
                points.add(new int[] {i % w, i / w});
            }
        }
        double radius = width / 2;
        int reach = (int) Math.ceil(radius + 1);
        float[] out = new float[w * h];
        for (int[] p : points) {
            for (int y = Math.max(0, p[1] - reach); y <= Math.min(h - 1, p[1] + reach); y++) {
                for (int x = Math.max(0, p[0] - reach); x <= Math.min(w - 1, p[0] + reach); x++) {
                    double d = Math.hypot(x - p[0], y - p[1]);
                    float v = (float) Math.max(0, Math.min(1, radius + 0.5 - d));
                    if (out[y * w + x] < v) {
                        out[y * w + x] = v;
                    }
                }
            }
        }
        return new FloatImage(w, h, out);
    }

    /**
     * The centre line without its spurs: end pixels are taken off {@code length} times, which removes
     * every branch up to that long and shortens the real strokes, and then the real strokes grow back
     * along the original line from the ends that remain.
     */
    static boolean[] pruned(boolean[] line, int w, int h, int length) {
        boolean[] kept = line.clone();
        for (int step = 0; step < length; step++) {
            List<Integer> ends = ends(kept, w, h);
            if (ends.size() == countOn(kept)) {
                break; // only isolated pixels and two-pixel pieces left: keep them
            }
            ends.forEach(i -> kept[i] = false);
        }
        List<Integer> frontier = ends(kept, w, h);
        for (int step = 0; step < length && !frontier.isEmpty(); step++) {
            List<Integer> grown = new ArrayList<>();
            for (int i : frontier) {
                int x = i % w;
                int y = i / w;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = x + dx;
                        int ny = y + dy;
                        if (nx >= 0 && ny >= 0 && nx < w && ny < h && line[ny * w + nx] && !kept[ny * w + nx]) {
                            kept[ny * w + nx] = true;
                            grown.add(ny * w + nx);
                        }
                    }
                }
            }
            frontier = grown;
        }
        return kept;
    }

    /** The pixels of the line with at most one neighbour on it. */
    private static List<Integer> ends(boolean[] line, int w, int h) {
        List<Integer> ends = new ArrayList<>();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (!line[y * w + x]) {
                    continue;
                }
                int neighbours = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        neighbours += (dx != 0 || dy != 0) && at(line, w, h, x + dx, y + dy) ? 1 : 0;
                    }
                }
                if (neighbours <= 1) {
                    ends.add(y * w + x);
                }
            }
        }
        return ends;
    }

    private static int countOn(boolean[] line) {
        int n = 0;
        for (boolean b : line) {
            n += b ? 1 : 0;
        }
        return n;
    }

    /** Zhang–Suen thinning of the pixels above {@code level}. */
    static boolean[] thin(FloatImage ink, float level) {
        int w = ink.width();
        int h = ink.height();
        boolean[] on = new boolean[w * h];
        for (int i = 0; i < on.length; i++) {
            on[i] = ink.pixels()[i] >= level;
        }
        List<Integer> remove = new ArrayList<>();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int pass = 0; pass < 2; pass++) {
                remove.clear();
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        if (on[y * w + x] && removable(on, w, h, x, y, pass)) {
                            remove.add(y * w + x);
                        }
                    }
                }
                for (int i : remove) {
                    on[i] = false;
                }
                changed |= !remove.isEmpty();
            }
        }
        return on;
    }

    private static boolean removable(boolean[] on, int w, int h, int x, int y, int pass) {
        // Neighbours P2..P9 clockwise from north.
        boolean[] n = {
            at(on, w, h, x, y - 1), at(on, w, h, x + 1, y - 1), at(on, w, h, x + 1, y), at(on, w, h, x + 1, y + 1),
            at(on, w, h, x, y + 1), at(on, w, h, x - 1, y + 1), at(on, w, h, x - 1, y), at(on, w, h, x - 1, y - 1)
        };
        int count = 0;
        int transitions = 0;
        for (int i = 0; i < 8; i++) {
            count += n[i] ? 1 : 0;
            transitions += !n[i] && n[(i + 1) % 8] ? 1 : 0;
        }
        if (count < 2 || count > 6 || transitions != 1) {
            return false;
        }
        boolean p2 = n[0];
        boolean p4 = n[2];
        boolean p6 = n[4];
        boolean p8 = n[6];
        return pass == 0 ? !(p2 && p4 && p6) && !(p4 && p6 && p8) : !(p2 && p4 && p8) && !(p2 && p6 && p8);
    }

    private static boolean at(boolean[] on, int w, int h, int x, int y) {
        return x >= 0 && y >= 0 && x < w && y < h && on[y * w + x];
    }
}
