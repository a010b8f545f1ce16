package dev.digits.recognize;

import dev.digits.data.DigitSet;
import dev.digits.eval.Evaluation;
import dev.digits.image.DigitScorer;
import java.util.Arrays;
import java.util.List;

/**
 * Steadier answers for segmentation: each prepared piece is read as it is and shifted by
 * {@value #SHIFT} pixels left, right, up and down, and the five readings are averaged. A network reads
 * a real digit alike in all five places; a piece cut out of two digits, or a pair read as one, often
 * not, and averaging takes the overconfidence out of such lucky single readings (the figures are in
 * {@code docs/measured.md}).
 */
final class ShiftedViews {
    static final int SHIFT = 2;
    private static final int[][] OFFSETS = {{0, 0}, {SHIFT, 0}, {-SHIFT, 0}, {0, SHIFT}, {0, -SHIFT}};
    static final int VIEWS = OFFSETS.length;

    private ShiftedViews() {}

    /** All views of all inputs in one batch buffer, the views of each input together. */
    static float[] batch(List<float[]> inputs) {
        float[] batch = new float[inputs.size() * VIEWS * DigitSet.PIXELS];
        for (int i = 0; i < inputs.size(); i++) {
            for (int v = 0; v < VIEWS; v++) {
                shift(inputs.get(i), OFFSETS[v][0], OFFSETS[v][1], batch, (i * VIEWS + v) * DigitSet.PIXELS);
            }
        }
        return batch;
    }

    /** The average of each input's views ({@code probabilities} as from {@link #batch}), as guesses. */
    static DigitScorer.Guess[] guesses(float[] probabilities, int inputs) {
        DigitScorer.Guess[] guesses = new DigitScorer.Guess[inputs];
        double[] mean = new double[DigitSet.CLASSES];
        for (int i = 0; i < inputs; i++) {
            Arrays.fill(mean, 0);
            for (int v = 0; v < VIEWS; v++) {
                for (int c = 0; c < DigitSet.CLASSES; c++) {
                    mean[c] += probabilities[(i * VIEWS + v) * DigitSet.CLASSES + c] / (double) VIEWS;
                }
            }
            int best = Evaluation.argmax(mean);
            double rest = 0;
            for (int c = 0; c < DigitSet.CLASSES; c++) {
                rest += c == best ? 0 : mean[c];
            }
            guesses[i] = new DigitScorer.Guess(best, (float) mean[best], (float) rest);
        }
        return guesses;
    }

    /** Writes {@code image} moved by (dx, dy), background where it moved away from, into {@code out} at {@code offset}. */
    private static void shift(float[] image, int dx, int dy, float[] out, int offset) {
        int side = DigitSet.SIDE;
        for (int y = 0; y < side; y++) {
            int sy = y - dy;
            for (int x = 0; x < side; x++) {
                int sx = x - dx;
                boolean inside = sx >= 0 && sy >= 0 && sx < side && sy < side;
                out[offset + y * side + x] = inside ? image[sy * side + sx] : 0f;
            }
        }
    }
}
