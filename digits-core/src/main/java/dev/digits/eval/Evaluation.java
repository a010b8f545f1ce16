package dev.digits.eval;

import dev.digits.data.DigitSet;
import dev.digits.model.Classifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How well a model's predictions match the labels: accuracy, mean cross-entropy loss, the
 * confusion matrix ({@code confusion[true][predicted]}) and per-class precision, recall and F1.
 */
public record Evaluation(int count, double accuracy, double loss, int[][] confusion, List<ClassMetrics> perClass) {

    public record ClassMetrics(int digit, double precision, double recall, double f1, int support) {}

    /** Accuracy, loss and confusion of {@code classifier} on a whole set. */
    public static Evaluation of(Classifier classifier, DigitSet set) {
        return of(set.labels(), classifier.logProbabilities(set));
    }

    /** @param logProbabilities row-major {@code [n * 10]} natural-log probabilities */
    public static Evaluation of(byte[] labels, float[] logProbabilities) {
        int classes = DigitSet.CLASSES;
        int[][] confusion = new int[classes][classes];
        double lossSum = 0;
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            int label = labels[i];
            int predicted = argmax(logProbabilities, i * classes, classes);
            confusion[label][predicted]++;
            if (predicted == label) {
                correct++;
            }
            lossSum -= logProbabilities[i * classes + label];
        }
        return new Evaluation(
                labels.length,
                (double) correct / labels.length,
                lossSum / labels.length,
                confusion,
                perClass(confusion));
    }

    /** The index (from {@code offset}) of the largest of {@code length} values; the first on a tie. */
    public static int argmax(float[] values, int offset, int length) {
        int best = 0;
        for (int c = 1; c < length; c++) {
            if (values[offset + c] > values[offset + best]) {
                best = c;
            }
        }
        return best;
    }

    /** As {@link #argmax(float[], int, int)}, over a whole array of doubles. */
    public static int argmax(double[] values) {
        int best = 0;
        for (int c = 1; c < values.length; c++) {
            if (values[c] > values[best]) {
                best = c;
            }
        }
        return best;
    }

    private static List<ClassMetrics> perClass(int[][] confusion) {
        List<ClassMetrics> result = new ArrayList<>();
        for (int c = 0; c < confusion.length; c++) {
            int truePositives = confusion[c][c];
            int support = 0;
            int predicted = 0;
            for (int other = 0; other < confusion.length; other++) {
                support += confusion[c][other];
                predicted += confusion[other][c];
            }
            double precision = predicted == 0 ? 0 : (double) truePositives / predicted;
            double recall = support == 0 ? 0 : (double) truePositives / support;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            result.add(new ClassMetrics(c, precision, recall, f1, support));
        }
        return List.copyOf(result);
    }

    public int errors() {
        return count - (int) Math.round(accuracy * count);
    }

    /** The figures a model card records, keyed as in {@code model.json}: {@code <prefix>_accuracy}, {@code <prefix>_loss}. */
    public Map<String, Double> metrics(String prefix) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put(prefix + "_accuracy", accuracy);
        metrics.put(prefix + "_loss", loss);
        return metrics;
    }
}
