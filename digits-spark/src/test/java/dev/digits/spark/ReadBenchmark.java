package dev.digits.spark;

import dev.digits.recognize.DigitRecognizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/**
 * Images per second of {@link DigitsSpark#read} in Spark's local mode on 1 and 2 cores, against the
 * same reading in one JVM without Spark (what {@code digits read} does: a worker per core, each reading
 * one file after another through one recognizer), over the same files, in the same run. Each figure is
 * the median of {@code runs} timed passes after one untimed pass; Spark's session start is not counted,
 * nor is the one JVM's.
 * <pre>
 * ./mvnw -q -o -pl digits-spark exec:exec@bench -Dbench.args="bench-read/numbers 3"
 * </pre>
 */
public final class ReadBenchmark {
    private ReadBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args.length > 0 ? args[0] : "bench-read/numbers");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(Files::isRegularFile).sorted().toList();
        }
        System.out.printf(
                Locale.ROOT, "%d files in %s, median of %d runs after a warm-up%n", files.size(), directory, runs);
        System.out.printf(Locale.ROOT, "%-34s %10s %12s%n", "reader", "seconds", "images/s");
        double[] oneJvm = new double[3];
        try (DigitRecognizer recognizer = DigitRecognizer.load()) {
            for (int threads = 1; threads <= 2; threads++) {
                int workers = threads;
                oneJvm[threads] = median(runs, () -> readInOneJvm(recognizer, files, workers));
                print("one JVM, " + threads + (threads == 1 ? " thread" : " threads"), oneJvm[threads], files.size());
            }
        }
        double[] spark = new double[3];
        for (int cores = 1; cores <= 2; cores++) {
            SparkSession session = SparkSession.builder()
                    .master("local[" + cores + "]")
                    .appName("digits-spark-bench")
                    .config("spark.ui.enabled", "false")
                    .getOrCreate();
            try {
                spark[cores] = median(
                        runs,
                        () -> DigitsSpark.read(
                                        session.read().format("binaryFile").load(directory.toString()))
                                .drop(DigitsSpark.CONTENT)
                                .write()
                                .format("noop")
                                .mode("overwrite")
                                .save());
            } finally {
                session.stop();
            }
            print("Spark local[" + cores + "]", spark[cores], files.size());
        }
        System.out.printf(
                Locale.ROOT,
                "Spark on 2 cores against 1: %.2fx; one JVM, 2 threads against 1: %.2fx;"
                        + " Spark local[2] against one JVM with 2 threads: %.2fx the throughput%n",
                spark[1] / spark[2],
                oneJvm[1] / oneJvm[2],
                oneJvm[2] / spark[2]);
    }

    private static void print(String reader, double seconds, int images) {
        System.out.printf(Locale.ROOT, "%-34s %10.2f %12.1f%n", reader, seconds, images / seconds);
    }

    @FunctionalInterface
    private interface Pass {
        void run() throws Exception;
    }

    /** Median seconds of {@code runs} passes, after one pass that is not timed. */
    private static double median(int runs, Pass pass) throws Exception {
        pass.run();
        double[] seconds = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            pass.run();
            seconds[i] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(seconds);
        return seconds[runs / 2];
    }

    private static void readInOneJvm(DigitRecognizer recognizer, List<Path> files, int threads) throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> reads = new ArrayList<>();
            for (Path file : files) {
                reads.add(workers.submit(() -> recognizer.read(file)));
            }
            for (Future<?> read : reads) {
                read.get();
            }
        } finally {
            workers.shutdownNow();
        }
    }
}
