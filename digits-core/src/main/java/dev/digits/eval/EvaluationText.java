package dev.digits.eval;

import java.util.List;

/** Renders an {@link Evaluation} as text tables for the terminal. */
public final class EvaluationText {
    private EvaluationText() {}

    public static String render(Evaluation evaluation, List<String> classNames) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                "test images: %,d   accuracy: %.4f   loss: %.4f   errors: %d%n%n",
                evaluation.count(), evaluation.accuracy(), evaluation.loss(), evaluation.errors()));
        out.append("confusion matrix (rows: true class, columns: predicted)\n");
        out.append(confusionTable(evaluation.confusion(), classNames)).append('\n');
        out.append(String.format("%-8s %9s %9s %9s %9s%n", "class", "precision", "recall", "f1", "support"));
        for (Evaluation.ClassMetrics m : evaluation.perClass()) {
            out.append(String.format(
                    "%-8s %9.4f %9.4f %9.4f %9d%n",
                    classNames.get(m.digit()), m.precision(), m.recall(), m.f1(), m.support()));
        }
        return out.toString();
    }

    static String confusionTable(int[][] confusion, List<String> classNames) {
        StringBuilder out = new StringBuilder(String.format("%8s", ""));
        for (int c = 0; c < confusion.length; c++) {
            out.append(String.format("%6s", shorten(classNames.get(c))));
        }
        out.append('\n');
        for (int row = 0; row < confusion.length; row++) {
            out.append(String.format("%8s", shorten(classNames.get(row))));
            for (int col = 0; col < confusion.length; col++) {
                out.append(String.format("%6d", confusion[row][col]));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String shorten(String name) {
        return name.length() <= 5 ? name : name.substring(0, 5);
    }
}
