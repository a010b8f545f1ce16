package dev.digits.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The job {@code spark-submit} runs: every file under {@code --input} becomes one row of {@code --output},
 * its {@code path} and what was read in it (or the {@code error} that kept it from being read).
 */
@Command(
        name = "digits-spark",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Read the number in every image under a directory, with Spark: one output row per file.",
        footerHeading = "%nExample:%n",
        footer = {
            "  spark-submit --class dev.digits.spark.ReadJob digits-spark.jar \\",
            "      --input s3a://archive/forms/ --output s3a://archive/numbers/ --format parquet"
        })
public final class ReadJob implements Callable<Integer> {
    /** Output formats; CSV has no arrays, so its {@code digits} (and {@code probabilities}) are JSON text. */
    enum Format {
        parquet,
        json,
        csv
    }

    @Option(
            names = "--input",
            required = true,
            paramLabel = "DIR|URI",
            description = "Images: a directory, read recursively (any URI Hadoop reads: hdfs://, s3a://, ...).")
    String input;

    @Option(
            names = "--output",
            required = true,
            paramLabel = "DIR|URI",
            description = "Where the rows go; it must not exist yet unless --overwrite.")
    String output;

    @Option(
            names = "--model",
            paramLabel = "DIR|URI",
            description = "A model directory (digits train, digits import); default: the model inside the jar.")
    String model;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "parquet",
            description = "parquet, json or csv (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(
            names = "--glob",
            paramLabel = "PATTERN",
            description = "Only files whose names match, e.g. '*.{png,jpg}' (default: every file; one that is"
                    + " not an image gets an error row).")
    String glob;

    @Option(names = "--predict", description = "Each image holds one digit: write digit and confidence, not a number.")
    boolean predict;

    @Option(names = "--overwrite", description = "Replace --output if it exists.")
    boolean overwrite;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * The job's command line. Input the job cannot use (no such directory, an output that exists, a model
     * that is not one) ends it with one line saying so and exit code 1, not a stack trace.
     */
    static CommandLine commandLine() {
        return new CommandLine(new ReadJob()).setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof AnalysisException || e instanceof IllegalArgumentException) {
                line.getErr().println("digits-spark: " + e.getMessage());
                return 1;
            }
            throw e;
        });
    }

    @Override
    public Integer call() {
        SparkSession spark = SparkSession.builder()
                .appName("digits-spark")
                .master(System.getProperty("spark.master", "local[*]"))
                .getOrCreate();
        try {
            Written written = run(spark);
            System.err.printf(
                    "digits-spark: %d files into %s, %d of them not read (see their error column)%n",
                    written.rows(), output, written.errors());
            return 0;
        } finally {
            spark.stop();
        }
    }

    /** How many rows a run wrote, and how many of them hold an error instead of an answer. */
    record Written(long rows, long errors) {}

    /** Reads every file under the input and writes one row for each. */
    Written run(SparkSession spark) {
        var source = spark.read().format("binaryFile").option("recursiveFileLookup", "true");
        if (glob != null) {
            source = source.option("pathGlobFilter", glob);
        }
        Dataset<Row> images = source.load(input).select("path", DigitsSpark.CONTENT);
        DigitsSpark.Options options = DigitsSpark.Options.defaults().withModel(model);
        Dataset<Row> answers = predict ? DigitsSpark.predict(images, options) : DigitsSpark.read(images, options);
        Dataset<Row> rows = answers.drop(DigitsSpark.CONTENT).cache();
        try {
            writable(rows)
                    .write()
                    .mode(overwrite ? SaveMode.Overwrite : SaveMode.ErrorIfExists)
                    .format(format.name())
                    .option("header", "true")
                    .save(output);
            return new Written(
                    rows.count(),
                    rows.filter(functions.col("error").isNotNull()).count());
        } finally {
            rows.unpersist();
        }
    }

    /** The rows as the format can hold them: arrays become JSON text in CSV. */
    private Dataset<Row> writable(Dataset<Row> rows) {
        if (format != Format.csv) {
            return rows;
        }
        List<Column> columns = new ArrayList<>();
        for (var field : rows.schema().fields()) {
            Column column = functions.col(field.name());
            columns.add(
                    field.dataType() instanceof org.apache.spark.sql.types.ArrayType
                            ? functions.to_json(column).as(field.name())
                            : column);
        }
        return rows.select(columns.toArray(Column[]::new));
    }
}
