package dev.digits.cli;

import dev.digits.handwriting.RealBenchmark;
import dev.digits.recognize.Prediction;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** How {@code digits bench real} prints a set's results and the sureness of the answers. */
final class RealBenchReport {
    private RealBenchReport() {}

    static void print(PrintStream out, RealBenchmark.Result result, Path sheet) {
        var set = result.set();
        out.printf(Locale.ROOT, "%n%s: %s%n", set.name(), set.description());
        out.printf(
                Locale.ROOT,
                "  %,d %s: ours %.2f%% (%d wrong, %d refused as no digit)",
                result.outcomes().size(),
                set.numbers()
                        ? "numbers, read exactly"
                        : set.notOneDigit() ? "pictures, marked unsure or refused" : "digits",
                100 * result.accuracy(),
                result.outcomes().size() - result.correct(),
                result.refused());
        if (!Double.isNaN(result.naiveAccuracy())) {
            out.printf(Locale.ROOT, "   naive %.2f%%", 100 * result.naiveAccuracy());
        }
        if (!Double.isNaN(result.comparedAccuracy())) {
            out.printf(Locale.ROOT, "   compared model %.2f%%", 100 * result.comparedAccuracy());
        }
        out.printf(Locale.ROOT, "   median %.1f ms per image%n", result.medianMillis());
        if (!set.numbers() && !set.notOneDigit()) {
            double[] perDigit = RealBenchmark.perDigit(result);
            StringBuilder line = new StringBuilder("  per digit:");
            for (int d = 0; d < perDigit.length; d++) {
                line.append(String.format(Locale.ROOT, "  %d %.1f", d, 100 * perDigit[d]));
            }
            out.println(line);
        } else if (set.numbers()) {
            result.mistakes()
                    .forEach(o -> out.printf(
                            "  %s: wrote %s, read %s%n",
                            o.sample().id(), o.sample().label(), o.read().isEmpty() ? "nothing" : o.read()));
        }
        List<String> confusions = RealBenchmark.topConfusions(result, 8);
        if (!confusions.isEmpty() && !set.numbers()) {
            out.println("  top confusions (written→read): " + String.join(", ", confusions));
        }
        if (!result.mistakes().isEmpty()) {
            out.println("  mistakes: " + sheet);
        }
    }

    /**
     * For single digits: how the answers marked unsure ({@link Prediction#SURE_CONFIDENCE}) split
     * between wrong and right ones, and how other thresholds would split them.
     */
    static void printSureness(PrintStream out, List<RealBenchmark.Outcome> outcomes) {
        List<RealBenchmark.Outcome> answered =
                outcomes.stream().filter(o -> !o.refused()).toList();
        long wrong = answered.stream().filter(o -> !o.correct()).count();
        long right = answered.size() - wrong;
        if (answered.isEmpty()) {
            return;
        }
        out.printf(
                Locale.ROOT,
                "%nsureness over %,d answered single digits (%d wrong): share marked unsure below each confidence%n",
                answered.size(),
                wrong);
        for (double threshold : new double[] {0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99}) {
            long wrongBelow = answered.stream()
                    .filter(o -> !o.correct() && o.confidence() < threshold)
                    .count();
            long rightBelow = answered.stream()
                    .filter(o -> o.correct() && o.confidence() < threshold)
                    .count();
            out.printf(
                    Locale.ROOT,
                    "  below %.2f%s: %5.1f%% of wrong answers, %5.2f%% of right ones%n",
                    threshold,
                    Math.abs(threshold - Prediction.SURE_CONFIDENCE) < 1e-6 ? " (the reader's threshold)" : "",
                    wrong == 0 ? 0 : 100.0 * wrongBelow / wrong,
                    right == 0 ? 0 : 100.0 * rightBelow / right);
        }
    }
}
