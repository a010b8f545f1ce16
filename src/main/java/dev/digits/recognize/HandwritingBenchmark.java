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
     */
    public record Result(String set, int images, int naiveCorrect, int correct, double seconds) {
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
        int[] outcomes = IntStream.range(0, count).parallel().map(i -> {
            SampleImage sample = set.sample(i);
            int expected = sample.label().charAt(0) - '0';
            int naive = recognizer.predict(NaivePreprocessor.input(sample.image())).digit() == expected ? 1 : 0;
            int ours = predictedOrMinusOne(recognizer, sample) == expected ? 2 : 0;
            return naive + ours;
        }).toArray();
        return new Result(set.name(), count, count(outcomes, 1), count(outcomes, 2), (System.nanoTime() - start) / 1e9);
    }

    /** Numbers: {@code read} on each image must give exactly the written digits. */
    public static Result numbers(DigitRecognizer recognizer, SampleSet set, int count) {
        long start = System.nanoTime();
        int correct = (int) IntStream.range(0, count).parallel()
                .filter(i -> {
                    SampleImage sample = set.sample(i);
                    return recognizer.read(sample.image()).text().equals(sample.label());
                })
                .count();
        return new Result(set.name(), count, -1, correct, (System.nanoTime() - start) / 1e9);
    }

    private static int predictedOrMinusOne(DigitRecognizer recognizer, SampleImage sample) {
        try {
            return recognizer.predict(sample.image()).digit();
        } catch (DigitsException e) {
            return -1; // no digit found counts as wrong
        }
    }

    private static int count(int[] outcomes, int bit) {
        return (int) java.util.Arrays.stream(outcomes).filter(o -> (o & bit) != 0).count();
    }
}
