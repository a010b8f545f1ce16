package dev.digits.train;

import dev.digits.data.DigitSet;
import dev.digits.image.samples.NotOneDigit;
import java.util.Arrays;

/**
 * Outlier exposure (Hendrycks et al., 2019): besides the digits, the network sees pieces that are not
 * one digit ({@link NotOneDigit}: touching pairs, digits cut apart) and is trained towards the uniform
 * distribution on them, so that it is unsure of such pieces instead of reading a pair as one wide digit
 * with confidence. Segmentation relies on that confidence to decide where to cut.
 */
final class OutlierExposure {
    /** The label outliers carry among the training labels; the loss turns it into the uniform target. */
    static final int LABEL = DigitSet.CLASSES;
    /** Weight of an outlier's loss against a digit's (Hendrycks et al. used 0.5). */
    static final float WEIGHT = 0.5f;

    private OutlierExposure() {}

    /** {@code train} followed by {@code count} pieces generated from its digits (labelled {@link #LABEL}). */
    static DigitSet withOutliers(DigitSet train, int count, long seed) {
        byte[] pixels = new byte[(train.size() + count) * DigitSet.PIXELS];
        System.arraycopy(train.pixels(), 0, pixels, 0, train.pixels().length);
        byte[] outliers = new NotOneDigit(train, seed).pixels(count);
        System.arraycopy(outliers, 0, pixels, train.pixels().length, outliers.length);
        byte[] labels = new byte[train.size() + count];
        System.arraycopy(train.labels(), 0, labels, 0, train.size());
        Arrays.fill(labels, train.size(), labels.length, (byte) LABEL);
        return new DigitSet(pixels, labels);
    }
}
