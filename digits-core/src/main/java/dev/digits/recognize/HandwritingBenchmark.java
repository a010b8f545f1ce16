package dev.digits.recognize;

import dev.digits.DigitsException;
import dev.digits.image.NaivePreprocessor;
import dev.digits.image.samples.SampleImage;
import dev.digits.image.samples.SampleSet;
import java.util.stream.IntStream;

/**
 * How well digits are recognised in images that look like what users hand us (generated from MNIST
 * test digits), by our preprocessing and by the naive one the original app used (whole image resized).
 */
public final class HandwritingBenchmark {
    /**
     * @param naiveCorrect images read right by the naive pipeline, or -1 where it cannot apply (several digits)
     * @param correct images read right by ours (for numbers: every digit right and none missing or extra)
     * @param mistakes for numbers, how the wrong ones went wrong (empty for single digits)
     */
    public record Result(String set, int images, int naiveCorrect, int correct, double seconds, String mistakes) {
        public double accuracy() {
            return (double) correct / images;
        }

        public double naiveAccuracy() {
            return naiveCorrect < 0 ? Double.NaN : (double) naiveCorrect / images;
        }
    }

    private HandwritingBenchmark() {}

    /** Single digits: {@code predict} on each image, and the naive pipeline for comparison. */
    public static Result digits(DigitRecognizer recognizer, SampleSet set, int count) {
        long start = System.nanoTime();
        int[] outcomes = IntStream.range(0, count)
                .parallel()
                .map(i -> {
                    SampleImage sample = set.sample(i);
                    int expected = sample.label().charAt(0) - '0';
                    int naive = recognizer
                                            .predict(NaivePreprocessor.input(sample.image()))
                                            .digit()
                                    == expected
                            ? 1
                            : 0;
                    int ours = predictedOrMinusOne(recognizer, sample) == expected ? 2 : 0;
                    return naive + ours;
                })
                .toArray();
        return new Result(
                set.name(), count, count(outcomes, 1), count(outcomes, 2), (System.nanoTime() - start) / 1e9, "");
    }

    /**
     * Numbers: {@code read} on each image must give exactly the written digits. Wrong readings are
     * told apart by length: a digit lost (two read as one), a digit too many (one cut in two, a stray
     * stroke), or the right count with a digit misread.
     */
    public static Result numbers(DigitRecognizer recognizer, SampleSet set, int count) {
        return numbers(recognizer, set, count, (index, sample, text) -> {});
    }

    /** Hears of each number read wrong: its index in the set, the sample, and what was read. */
    public interface MistakeListener {
        void mistake(int index, SampleImage sample, String read);
    }

    /** As {@link #numbers(DigitRecognizer, SampleSet, int)}, telling {@code listener} (from several threads) of each mistake. */
    public static Result numbers(DigitRecognizer recognizer, SampleSet set, int count, MistakeListener listener) {
        long start = System.nanoTime();
        int[] outcomes = IntStream.range(0, count)
                .parallel()
                .map(i -> {
                    SampleImage sample = set.sample(i);
                    String text = readOrEmpty(recognizer, sample);
                    if (!text.equals(sample.label())) {
                        listener.mistake(i, sample, text);
                    }
                    return Integer.signum(text.length() - sample.label().length())
                            + 1
                            + (text.equals(sample.label()) ? 3 : 0);
                })
                .toArray();
        int[] tally = new int[5];
        for (int outcome : outcomes) {
            tally[outcome]++;
        }
        String mistakes = String.format("%d lost a digit, %d gained one, %d misread one", tally[0], tally[2], tally[1]);
        return new Result(set.name(), count, -1, tally[4], (System.nanoTime() - start) / 1e9, mistakes);
    }

    private static String readOrEmpty(DigitRecognizer recognizer, SampleImage sample) {
        try {
            return recognizer.read(sample.image()).text();
        } catch (DigitsException e) {
            return "";
        }
    }

    private static int predictedOrMinusOne(DigitRecognizer recognizer, SampleImage sample) {
        try {
            return recognizer.predict(sample.image()).digit();
        } catch (DigitsException e) {
            return -1; // no digit found counts as wrong
        }
    }

    private static int count(int[] outcomes, int bit) {
        return (int)
                java.util.Arrays.stream(outcomes).filter(o -> (o & bit) != 0).count();
    }
}
