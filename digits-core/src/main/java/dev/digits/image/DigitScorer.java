package dev.digits.image;

import java.util.List;

/**
 * What a classifier reads in each prepared 28x28 digit. Segmentation asks it where geometry alone
 * cannot tell one wide digit from two touching ones; this package stays free of any engine, the
 * caller supplies the classifier.
 */
@FunctionalInterface
public interface DigitScorer {
    Guess[] read(List<float[]> inputs);

    /**
     * The most likely digit, its probability, and the sum of all other classes' probabilities (kept
     * apart because near certainty, 1 - 1e-9, cannot be told from 1 in a float).
     */
    record Guess(int digit, float confidence, float doubt) {
        public Guess(int digit, float confidence) {
            this(digit, confidence, 1 - confidence);
        }

        /**
         * How believable this reading of a piece of ink shaped like {@code box} is, as log-odds: the
         * confidence, lowered where the box is too wide for that digit ({@link DigitShapes}). Log-odds
         * tell 0.99 from 0.9999 as well as 0.6 from 0.9.
         */
        double plausibility(Box box) {
            double fit = DigitShapes.fit(digit, box);
            return fit >= 1 ? certainty() : logOdds(confidence * fit, 1 - confidence * fit);
        }

        /** The confidence as log-odds. */
        double certainty() {
            return logOdds(confidence, doubt);
        }

        private static double logOdds(double p, double q) {
            return Math.log(Math.max(p, 1e-30)) - Math.log(Math.max(q, 1e-30));
        }
    }
}
