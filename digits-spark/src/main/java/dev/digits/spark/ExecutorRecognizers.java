package dev.digits.spark;

import dev.digits.recognize.DigitRecognizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;
import org.apache.spark.SparkFiles;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.SparkSession;

/**
 * One {@link DigitRecognizer} per model in each executor JVM, loaded by the first task that needs it
 * and kept for the JVM's life (closed when it exits), so that a model is loaded once per executor, not
 * once per task or row.
 */
final class ExecutorRecognizers {
    private ExecutorRecognizers() {}

    private static final String BUNDLED = "";
    private static final Map<String, DigitRecognizer> OPEN = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime()
                .addShutdownHook(new Thread(() -> OPEN.values().forEach(DigitRecognizer::close), "digits-close"));
    }

    /**
     * Ships a model directory to every executor (Spark's files, so any URI Hadoop reads works) and
     * returns the name {@link #get} finds it by on each executor.
     */
    static String ship(SparkSession spark, String model) {
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(model);
        if (path.toUri().getScheme() == null && !Files.isDirectory(Path.of(model))) {
            throw new IllegalArgumentException("no model directory at " + model
                    + " (give a directory written by digits train or digits import, or a URI Hadoop reads)");
        }
        spark.sparkContext().addFile(model, true);
        return path.getName();
    }

    /** The executor's recognizer for {@code model} (a name {@link #ship} returned), or the bundled one for null. */
    static DigitRecognizer get(String model) {
        return OPEN.computeIfAbsent(model == null ? BUNDLED : model, ExecutorRecognizers::open);
    }

    private static DigitRecognizer open(String model) {
        // Spark runs a task per core: each task's network then runs on its own cores (spark.task.cpus),
        // as digits read runs one image per core, rather than every task spreading over all of them.
        // Offline: PyTorch's native library is in the jar. Both are read when the engine first loads.
        setIfAbsent(
                "ai.djl.pytorch.num_threads", String.valueOf(TaskContext.get().cpus()));
        setIfAbsent("ai.djl.offline", "true");
        // The image plugins (WebP, TIFF, CMYK JPEG) live in the job's jar, which Spark loads in a class
        // loader of its own: register them as that loader sees them.
        ImageIO.scanForPlugins();
        return model.equals(BUNDLED) ? DigitRecognizer.load() : DigitRecognizer.load(Path.of(SparkFiles.get(model)));
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
