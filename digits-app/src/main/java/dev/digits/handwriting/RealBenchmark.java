package dev.digits.handwriting;

import dev.digits.DigitsException;
import dev.digits.image.ImageDecoder;
import dev.digits.image.NaivePreprocessor;
import dev.digits.recognize.DigitRecognizer;
import dev.digits.recognize.NoDigitFoundException;
import dev.digits.recognize.Prediction;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Reads a {@link RealSet} through the path users take (picture or file → {@link DigitRecognizer}) and
 * counts what went right; for single digits also through the naive path the original app took (the
 * whole picture resized to 28x28) and, optionally, through a second model for comparison.
 */
public final class RealBenchmark {
    private static final ImageDecoder DECODER = new ImageDecoder();

    /** How one sample went. {@code read} is "" when the reader found no digit; {@code naive}/{@code compared} are null where not run. */
    public record Outcome(
            RealSample sample,
            String read,
            float confidence,
            boolean sure,
            float[] input,
            String naive,
            String compared,
            double millis) {
        /** Read as written; where no single digit is written (label ""), refused or marked unsure. */
        public boolean correct() {
            return sample.label().isEmpty() ? refused() || !sure : read.equals(sample.label());
        }

        public boolean refused() {
            return read.isEmpty();
        }
    }

    /** Everything measured on one set. */
    public record Result(RealSet set, List<Outcome> outcomes) {
        public int correct() {
            return (int) outcomes.stream().filter(Outcome::correct).count();
        }

        public double accuracy() {
            return (double) correct() / outcomes.size();
        }

        public int refused() {
            return (int) outcomes.stream().filter(Outcome::refused).count();
        }

        /** Accuracy of the naive path, NaN where it was not run (numbers). */
        public double naiveAccuracy() {
            return share(o -> o.naive() != null && o.naive().equals(o.sample().label()), o -> o.naive() != null);
        }

        public double comparedAccuracy() {
            return share(
                    o -> o.compared() != null && o.compared().equals(o.sample().label()), o -> o.compared() != null);
        }

        public double medianMillis() {
            double[] ms =
                    outcomes.stream().mapToDouble(Outcome::millis).sorted().toArray();
            return ms.length == 0 ? Double.NaN : ms[ms.length / 2];
        }

        public List<Outcome> mistakes() {
            return outcomes.stream().filter(o -> !o.correct()).toList();
        }

        private double share(java.util.function.Predicate<Outcome> hit, java.util.function.Predicate<Outcome> counted) {
            long n = outcomes.stream().filter(counted).count();
            return n == 0 ? Double.NaN : (double) outcomes.stream().filter(hit).count() / n;
        }
    }

    private RealBenchmark() {}

    /** Reads every sample of {@code set} ({@code compare} may be null). */
    public static Result run(RealSet set, DigitRecognizer recognizer, DigitRecognizer compare) {
        List<Outcome> outcomes = IntStream.range(0, set.size())
                .parallel()
                .mapToObj(i -> outcome(set, set.sample(i), recognizer, compare))
                .toList();
        return new Result(set, new ArrayList<>(outcomes));
    }

    private static Outcome outcome(
            RealSet set, RealSample sample, DigitRecognizer recognizer, DigitRecognizer compare) {
        BufferedImage image = sample.image() != null ? sample.image() : DECODER.decode(sample.file());
        long start = System.nanoTime();
        if (set.numbers()) {
            String text = readText(recognizer, image);
            double millis = (System.nanoTime() - start) / 1e6;
            String compared = compare == null ? null : readText(compare, image);
            return new Outcome(sample, text, Float.NaN, true, null, null, compared, millis);
        }
        Prediction ours = predictOrNull(recognizer, image);
        double millis = (System.nanoTime() - start) / 1e6;
        String naive = sample.label().isEmpty()
                ? null
                : Integer.toString(
                        recognizer.predict(NaivePreprocessor.input(image)).digit());
        String compared = null;
        if (compare != null && !sample.label().isEmpty()) {
            Prediction theirs = predictOrNull(compare, image);
            compared = theirs == null ? "" : Integer.toString(theirs.digit());
        }
        return ours == null
                ? new Outcome(sample, "", 0f, true, null, naive, compared, millis)
                : new Outcome(
                        sample,
                        Integer.toString(ours.digit()),
                        ours.confidence(),
                        ours.sure(),
                        ours.input(),
                        naive,
                        compared,
                        millis);
    }

    private static Prediction predictOrNull(DigitRecognizer recognizer, BufferedImage image) {
        try {
            return recognizer.predict(image);
        } catch (NoDigitFoundException e) {
            return null;
        }
    }

    private static String readText(DigitRecognizer recognizer, BufferedImage image) {
        try {
            return recognizer.read(image).text();
        } catch (DigitsException e) {
            return "";
        }
    }

    /** Accuracy per written digit 0..9 (NaN for a digit the set lacks); single-digit sets only. */
    public static double[] perDigit(Result result) {
        int[] seen = new int[10];
        int[] right = new int[10];
        for (Outcome o : result.outcomes()) {
            if (o.sample().label().isEmpty()) {
                continue;
            }
            int label = o.sample().label().charAt(0) - '0';
            seen[label]++;
            right[label] += o.correct() ? 1 : 0;
        }
        double[] out = new double[10];
        Arrays.setAll(out, d -> seen[d] == 0 ? Double.NaN : (double) right[d] / seen[d]);
        return out;
    }

    /** The most frequent mistakes as "written→read (count)", most frequent first; "→?" is a refusal. */
    public static List<String> topConfusions(Result result, int limit) {
        java.util.Map<String, Integer> counts = new java.util.TreeMap<>();
        for (Outcome o : result.mistakes()) {
            String written = o.sample().label().isEmpty() ? "none" : o.sample().label();
            counts.merge(written + "→" + (o.refused() ? "?" : o.read()), 1, Integer::sum);
        }
        return counts.entrySet().stream()
                .sorted((a, b) -> b.getValue() - a.getValue())
                .limit(limit)
                .map(e -> e.getKey() + " (" + e.getValue() + ")")
                .toList();
    }
}
