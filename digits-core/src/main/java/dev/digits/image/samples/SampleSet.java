package dev.digits.image.samples;

import dev.digits.DigitsException;
import dev.digits.data.DigitSet;
import dev.digits.data.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

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

    /** The set names {@link #named} knows, in the order of the issue: (a), (b), (c). */
    List<String> NAMES = List.of("canvas", "photo", "number");

    /** The set called {@code name} ({@link #NAMES}), drawing from {@code testDigits}. */
    static SampleSet named(String name, DigitSet testDigits, long seed) {
        return switch (name) {
            case "canvas" -> new CanvasSet(testDigits, seed);
            case "photo" -> new PhotoSet(testDigits, seed);
            case "number" -> new NumberSet(testDigits, seed);
            default ->
                throw new DigitsException(
                        "no sample set called '" + name + "'; the sets are " + String.join(", ", NAMES));
        };
    }

    /** The random source for image {@code index}: a mix of seed and index, so neighbours are unrelated. */
    static SplittableRandom random(long seed, int index) {
        return new SplittableRandom(Seeds.spread(seed) + index);
    }
}
