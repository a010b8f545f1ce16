package dev.digits.handwriting;

/**
 * A set of real handwriting the benchmark reads. Sample {@code i} depends only on the collection and
 * {@code i}, so samples can be made in any order or in parallel.
 */
public interface RealSet {
    /** A short name for reports and file names. */
    String name();

    /** What the pictures are and whose writing, in one line. */
    String description();

    int size();

    RealSample sample(int index);

    /** Whether each picture holds a number to {@code read} rather than one digit to {@code predict}. */
    default boolean numbers() {
        return false;
    }

    /** Whether no picture holds one digit, so the right answer is "unsure" or none. */
    default boolean notOneDigit() {
        return false;
    }
}
