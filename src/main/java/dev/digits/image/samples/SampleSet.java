package dev.digits.image.samples;

import java.util.ArrayList;
import java.util.List;

/**
 * A benchmark image set generated from MNIST test digits. Image {@code i} depends only on the digits,
 * the seed and {@code i}, so any image can be regenerated alone, in any order or in parallel.
 */
public interface SampleSet {
    /** A short name for files and reports: "canvas", "photo", "number". */
    String name();

    SampleImage sample(int index);

    /** Images {@code 0 .. count-1}. */
    default List<SampleImage> samples(int count) {
        List<SampleImage> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(sample(i));
        }
        return out;
    }

    /** The random source for image {@code index}: a mix of seed and index, so neighbours are unrelated. */
    static java.util.SplittableRandom random(long seed, int index) {
        return new java.util.SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
    }
}
