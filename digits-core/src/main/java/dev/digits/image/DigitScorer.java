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
     * The most likely digit, its probability ({@code confidence}), and the sum of all other classes'
     * probabilities ({@code rest}: kept apart because near certainty, 1 - 1e-9, cannot be told from 1 in
     * a float). Segmentation compares guesses as log-odds, which tell 0.99 from 0.9999 as well as 0.6 from 0.9.
     */
    record Guess(int digit, float confidence, float rest) {
        public Guess(int digit, float confidence) {
            this(digit, confidence, 1 - confidence);
        }

        /** The confidence as log-odds. */
        double logOdds() {
            return logOdds(confidence, rest);
        }

        /**
         * The log-odds of this reading of a piece of ink shaped like {@code box}: the confidence, lowered
         * where the box is too wide for that digit ({@link DigitShapes}).
         */
        double logOddsFor(Box box) {
            double fit = DigitShapes.fit(digit, box);
            return fit >= 1 ? logOdds() : logOdds(confidence * fit, 1 - confidence * fit);
        }

        private static double logOdds(double p, double q) {
            return Math.log(Math.max(p, 1e-30)) - Math.log(Math.max(q, 1e-30));
        }
    }
}
