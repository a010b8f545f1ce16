package dev.digits.spark;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The columns that {@link DigitsSpark} adds to a dataset of images. Every one is nullable: a row whose
 * image cannot be read has only {@code error} set; a row that was read has {@code error} null.
 */
public final class DigitsSchema {
    private DigitsSchema() {}

    /** Where a digit lies in its picture, in the picture's pixels. */
    public static final StructType BOX = new StructType()
            .add("x", DataTypes.IntegerType, false)
            .add("y", DataTypes.IntegerType, false)
            .add("width", DataTypes.IntegerType, false)
            .add("height", DataTypes.IntegerType, false);

    /**
     * One digit of a number: where it is, what it is, how sure the reader is, and the probability of each
     * class 0..9 (as {@code digits read --json} writes them).
     */
    public static final StructType DIGIT = new StructType()
            .add("box", BOX, false)
            .add("digit", DataTypes.IntegerType, false)
            .add("confidence", DataTypes.FloatType, false)
            .add("sure", DataTypes.BooleanType, false)
            .add("probabilities", DataTypes.createArrayType(DataTypes.FloatType, false), false);

    /**
     * What {@link DigitsSpark#read} adds: the number's {@code text} (its digits left to right; empty when
     * the picture holds no ink), every {@code digits} entry, and the {@code error} that kept the image
     * from being read.
     */
    public static final StructType READ = new StructType()
            .add("text", DataTypes.StringType, true)
            .add("digits", DataTypes.createArrayType(DIGIT, false), true)
            .add("error", DataTypes.StringType, true);

    /**
     * What {@link DigitsSpark#predict} adds for a picture of one digit: the {@code digit}, its
     * {@code confidence}, whether the reader is {@code sure}, why not ({@code unsure_because}), the
     * {@code probabilities} of 0..9, and the {@code error} that kept the image from being read (a picture
     * without ink is one).
     */
    public static final StructType PREDICT = new StructType()
            .add("digit", DataTypes.IntegerType, true)
            .add("confidence", DataTypes.FloatType, true)
            .add("sure", DataTypes.BooleanType, true)
            .add("unsure_because", DataTypes.StringType, true)
            .add("probabilities", DataTypes.createArrayType(DataTypes.FloatType, false), true)
            .add("error", DataTypes.StringType, true);
}
