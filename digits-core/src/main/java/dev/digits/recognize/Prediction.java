package dev.digits.recognize;

import dev.digits.data.DigitSet;
import dev.digits.eval.Evaluation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the model thinks one image shows.
 *
 * @param digit the most probable class
 * @param confidence its probability
 * @param probabilities the probability of each class 0..9 (sums to 1)
 * @param input the 28x28 image the model actually saw, row-major, 0 = background, 1 = full ink
 * @param unsureBecause why the answer may be wrong, in words for a person, or null when the reader is
 *     sure: a confidence below {@link #SURE_CONFIDENCE}, or a picture with several digits apart
 */
public record Prediction(int digit, float confidence, float[] probabilities, float[] input, String unsureBecause) {

    /**
     * Below this confidence an answer is marked unsure ({@link #sure()}): the reader says it may be
     * wrong rather than passing a guess off as an answer. Chosen on real handwriting with
     * {@code digits bench real}, which prints how each threshold splits wrong and right answers.
     */
    public static final float SURE_CONFIDENCE = 0.8f;

    /** One class and its probability. */
    public record Alternative(int digit, float probability) {}

    public Prediction {
        probabilities = probabilities.clone();
        input = input.clone();
    }

    static Prediction of(float[] probabilities, int offset, float[] input) {
        return of(probabilities, offset, input, 1);
    }

    /** As read from {@code probabilities} at {@code offset}, from a picture in which {@code apart} digits stand apart. */
    static Prediction of(float[] probabilities, int offset, float[] input, int apart) {
        float[] own = new float[DigitSet.CLASSES];
        System.arraycopy(probabilities, offset, own, 0, own.length);
        int best = Evaluation.argmax(own, 0, own.length);
        String unsure = apart > 1
                ? apart + " digits stand apart in the picture: read it as a number"
                : own[best] < SURE_CONFIDENCE
                        ? String.format(
                                java.util.Locale.ROOT,
                                "low confidence (%.0f%%, below %.0f%%)",
                                100 * own[best],
                                100 * SURE_CONFIDENCE)
                        : null;
        return new Prediction(best, own[best], own, input, unsure);
    }

    /** Whether the answer can be taken as read: confident enough ({@link #SURE_CONFIDENCE}) and from one digit. */
    public boolean sure() {
        return unsureBecause == null;
    }

    @Override
    public float[] probabilities() {
        return probabilities.clone();
    }

    @Override
    public float[] input() {
        return input.clone();
    }

    /** The {@code k} most probable classes, most probable first. */
    public List<Alternative> top(int k) {
        List<Alternative> all = new ArrayList<>();
        for (int c = 0; c < probabilities.length; c++) {
            all.add(new Alternative(c, probabilities[c]));
        }
        all.sort(Comparator.comparingDouble(Alternative::probability).reversed());
        return List.copyOf(all.subList(0, Math.min(k, all.size())));
    }
}
