package dev.digits.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The off-diagonal cells of a confusion matrix, most frequent first: which digits the model takes for which. */
final class Confusions {
    /** @param shareOfClass the fraction of the true class's images that went to {@code predicted} */
    record Confusion(int trueClass, int predicted, int count, double shareOfClass) {}

    private Confusions() {}

    static List<Confusion> mostFrequent(int[][] confusion, int limit) {
        List<Confusion> all = new ArrayList<>();
        for (int t = 0; t < confusion.length; t++) {
            int support = 0;
            for (int count : confusion[t]) {
                support += count;
            }
            for (int p = 0; p < confusion.length; p++) {
                if (p != t && confusion[t][p] > 0) {
                    all.add(new Confusion(t, p, confusion[t][p], (double) confusion[t][p] / support));
                }
            }
        }
        // Ties in count: the larger share of its class first, then by class for a stable order.
        all.sort(Comparator.comparingInt(Confusion::count)
                .reversed()
                .thenComparing(
                        Comparator.comparingDouble(Confusion::shareOfClass).reversed())
                .thenComparingInt(Confusion::trueClass)
                .thenComparingInt(Confusion::predicted));
        return List.copyOf(all.subList(0, Math.min(limit, all.size())));
    }
}
