package dev.digits.image;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Labels the 8-connected regions of a binary mask (diagonal neighbours join, as pen strokes do). */
public final class ConnectedComponents {
    /** Label of a pixel that belongs to no component. */
    public static final int NONE = -1;

    /** Every pixel's component id ({@link #NONE} outside the mask) and the components, ids 0, 1, 2... */
    public record Labelling(int width, int height, int[] labels, List<Component> components) {}

    private ConnectedComponents() {}

    public static Labelling label(boolean[] mask, int width, int height) {
        int[] labels = new int[mask.length];
        Arrays.fill(labels, NONE);
        List<Component> components = new ArrayList<>();
        int[] stack = new int[mask.length];
        for (int start = 0; start < mask.length; start++) {
            if (!mask[start] || labels[start] != NONE) {
                continue;
            }
            int id = components.size();
            int x0 = width, y0 = height, x1 = 0, y1 = 0, area = 0;
            int top = 0;
            stack[top++] = start;
            labels[start] = id;
            while (top > 0) {
                int p = stack[--top];
                int x = p % width;
                int y = p / width;
                area++;
                x0 = Math.min(x0, x);
                x1 = Math.max(x1, x + 1);
                y0 = Math.min(y0, y);
                y1 = Math.max(y1, y + 1);
                for (int dy = -1; dy <= 1; dy++) {
                    int ny = y + dy;
                    if (ny < 0 || ny >= height) {
                        continue;
                    }
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = x + dx;
                        int q = ny * width + nx;
                        if (nx >= 0 && nx < width && mask[q] && labels[q] == NONE) {
                            labels[q] = id;
                            stack[top++] = q;
                        }
                    }
                }
            }
            components.add(new Component(id, Box.spanning(x0, y0, x1, y1), area));
        }
        return new Labelling(width, height, labels, components);
    }
}
