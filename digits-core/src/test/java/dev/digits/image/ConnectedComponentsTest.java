package dev.digits.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ConnectedComponentsTest {
    private static final float LEVEL = 0.5f;

    /** Values above {@link #LEVEL} where the mask is set; below it or exactly at it (which is not above) elsewhere. */
    private static float[] values(boolean[] mask) {
        float[] values = new float[mask.length];
        for (int i = 0; i < mask.length; i++) {
            values[i] = mask[i] ? LEVEL + 0.25f * (1 + i % 2) : LEVEL - 0.5f * (i % 2);
        }
        return values;
    }

    @Test
    void labelsAreWhatAFloodFillInReadingOrderGives() {
        SplittableRandom random = new SplittableRandom(21);
        for (int trial = 0; trial < 300; trial++) {
            int width = 1 + random.nextInt(40);
            int height = 1 + random.nextInt(40);
            double density = random.nextDouble();
            boolean[] mask = new boolean[width * height];
            for (int i = 0; i < mask.length; i++) {
                // Runs along rows, as strokes make, at every density from specks to solid.
                mask[i] = i % width > 0 && random.nextInt(4) > 0 ? mask[i - 1] : random.nextDouble() < density;
            }
            String what = "trial " + trial + ", " + width + "x" + height;
            ConnectedComponents.Labelling labelling = ConnectedComponents.label(values(mask), LEVEL, width, height);
            FloodFill expected = FloodFill.of(mask, width, height);
            assertArrayEquals(expected.labels, labelling.labels(), what);
            assertEquals(expected.components, labelling.components(), what);
        }
    }

    @Test
    void diagonalNeighboursJoinAndAGapParts() {
        boolean[] mask = {
            true, false, false, true,
            false, true, false, true,
            false, false, false, true
        };
        ConnectedComponents.Labelling labelling = ConnectedComponents.label(values(mask), LEVEL, 4, 3);
        assertEquals(2, labelling.components().size());
        assertEquals(
                new Component(0, Box.spanning(0, 0, 2, 2), 2),
                labelling.components().get(0));
        assertEquals(
                new Component(1, Box.spanning(3, 0, 4, 3), 3),
                labelling.components().get(1));
    }

    /** The plain way: a flood fill from each unlabelled mask pixel in reading order. */
    private record FloodFill(int[] labels, List<Component> components) {
        static FloodFill of(boolean[] mask, int width, int height) {
            int[] labels = new int[mask.length];
            Arrays.fill(labels, ConnectedComponents.NONE);
            List<Component> components = new ArrayList<>();
            for (int start = 0; start < mask.length; start++) {
                if (!mask[start] || labels[start] != ConnectedComponents.NONE) {
                    continue;
                }
                int id = components.size();
                int x0 = width, y0 = height, x1 = 0, y1 = 0, area = 0;
                Deque<Integer> todo = new ArrayDeque<>(List.of(start));
                labels[start] = id;
                while (!todo.isEmpty()) {
                    int p = todo.pop();
                    int x = p % width;
                    int y = p / width;
                    area++;
                    x0 = Math.min(x0, x);
                    x1 = Math.max(x1, x + 1);
                    y0 = Math.min(y0, y);
                    y1 = Math.max(y1, y + 1);
                    for (int ny = y - 1; ny <= y + 1; ny++) {
                        for (int nx = x - 1; nx <= x + 1; nx++) {
                            int q = ny * width + nx;
                            if (nx >= 0
                                    && ny >= 0
                                    && nx < width
                                    && ny < height
                                    && mask[q]
                                    && labels[q] == ConnectedComponents.NONE) {
                                labels[q] = id;
                                todo.push(q);
                            }
                        }
                    }
                }
                components.add(new Component(id, Box.spanning(x0, y0, x1, y1), area));
            }
            return new FloodFill(labels, components);
        }
    }
}
