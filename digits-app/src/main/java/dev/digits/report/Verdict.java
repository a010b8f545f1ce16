package dev.digits.report;

import dev.digits.data.DigitSet;
import dev.digits.eval.Evaluation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The model's answer for one test image.
 *
 * @param confidence the probability the model gave its answer {@code predicted}
 */
record Verdict(int index, int label, int predicted, double confidence) {

    boolean correct() {
        return label == predicted;
    }

    /** @param logProbabilities row-major {@code [n * 10]} */
    static List<Verdict> all(byte[] labels, float[] logProbabilities) {
        List<Verdict> verdicts = new ArrayList<>(labels.length);
        for (int i = 0; i < labels.length; i++) {
            int predicted = Evaluation.argmax(logProbabilities, i * DigitSet.CLASSES, DigitSet.CLASSES);
            verdicts.add(
                    new Verdict(i, labels[i], predicted, Math.exp(logProbabilities[i * DigitSet.CLASSES + predicted])));
        }
        return verdicts;
    }

    /** The wrong answers, the most confident first: those are the ones a user would trust. */
    static List<Verdict> mistakes(List<Verdict> verdicts) {
        return verdicts.stream()
                .filter(v -> !v.correct())
                .sorted(Comparator.comparingDouble(Verdict::confidence)
                        .reversed()
                        .thenComparingInt(Verdict::index))
                .toList();
    }

    /** The right answers, the least confident first: the model was nearly wrong. */
    static List<Verdict> leastConfidentCorrect(List<Verdict> verdicts, int limit) {
        return verdicts.stream()
                .filter(Verdict::correct)
                .sorted(Comparator.comparingDouble(Verdict::confidence).thenComparingInt(Verdict::index))
                .limit(limit)
                .toList();
    }
}
