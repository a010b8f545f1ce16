package dev.digits.spark;

import java.util.Arrays;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Reads handwritten digits in a Spark dataset of images: every row keeps its columns and gains the
 * answer's ({@link DigitsSchema}).
 * <pre>{@code
 * Dataset<Row> images = spark.read().format("binaryFile").load("s3a://archive/forms/");
 * Dataset<Row> numbers = DigitsSpark.read(images);                  // path, ..., text, digits, error
 * DigitsSpark.read(images, DigitsSpark.Options.defaults().withModel("hdfs:///models/strong"));
 * }</pre>
 * Each executor JVM loads the model once and keeps it; the images of its running tasks go through that
 * one recognizer, which runs the network for the calls waiting together in batches. An image that
 * cannot be read (corrupt, not an image, too large) is a row with {@code error} set, never a failed job.
 */
public final class DigitsSpark {
    private DigitsSpark() {}

    /** The column Spark's {@code binaryFile} source puts each file's bytes in. */
    public static final String CONTENT = "content";

    /**
     * How to read: which model, and which column holds the encoded images (PNG, JPEG, GIF, BMP, WebP,
     * TIFF).
     *
     * @param model a model directory written by {@code digits train} or {@code digits import}, as a local
     *     path or any URI Hadoop reads (hdfs://, s3a://, ...), shipped to every executor; null for the
     *     model inside the jar
     * @param contentColumn a binary column of encoded images
     */
    public record Options(String model, String contentColumn) {
        public static Options defaults() {
            return new Options(null, CONTENT);
        }

        public Options withModel(String model) {
            return new Options(model, contentColumn);
        }

        public Options withContentColumn(String contentColumn) {
            return new Options(model, contentColumn);
        }
    }

    /** The number in each image, with the bundled model, from the {@value #CONTENT} column. */
    public static Dataset<Row> read(Dataset<Row> images) {
        return read(images, Options.defaults());
    }

    /** The number in each image: the input's columns plus {@link DigitsSchema#READ}. */
    public static Dataset<Row> read(Dataset<Row> images, Options options) {
        return recognize(images, options, Recognition.Task.READ);
    }

    /** The one digit in each image, with the bundled model, from the {@value #CONTENT} column. */
    public static Dataset<Row> predict(Dataset<Row> images) {
        return predict(images, Options.defaults());
    }

    /** The one digit in each image: the input's columns plus {@link DigitsSchema#PREDICT}. */
    public static Dataset<Row> predict(Dataset<Row> images, Options options) {
        return recognize(images, options, Recognition.Task.PREDICT);
    }

    private static Dataset<Row> recognize(Dataset<Row> images, Options options, Recognition.Task task) {
        StructType input = images.schema();
        int content = contentIndex(input, options.contentColumn());
        StructType added = task.added();
        for (String name : added.fieldNames()) {
            if (Arrays.asList(input.fieldNames()).contains(name)) {
                throw new IllegalArgumentException("the images already have a column named '" + name + "', which "
                        + task.word() + " adds; rename or drop it first");
            }
        }
        StructType output = input;
        for (StructField field : added.fields()) {
            output = output.add(field);
        }
        String model =
                options.model() == null ? null : ExecutorRecognizers.ship(images.sparkSession(), options.model());
        return images.mapPartitions(new Recognition(task, content, model), Encoders.row(output));
    }

    private static int contentIndex(StructType schema, String column) {
        if (!Arrays.asList(schema.fieldNames()).contains(column)) {
            throw new IllegalArgumentException("the images have no column '" + column + "' (they have "
                    + String.join(", ", schema.fieldNames())
                    + "); load them with spark.read().format(\"binaryFile\") or name the column that holds"
                    + " the encoded images with Options.withContentColumn");
        }
        int index = schema.fieldIndex(column);
        if (!schema.fields()[index].dataType().equals(DataTypes.BinaryType)) {
            throw new IllegalArgumentException("column '" + column + "' holds "
                    + schema.fields()[index].dataType().simpleString()
                    + ", not binary: it must hold the bytes of image files");
        }
        return index;
    }
}
