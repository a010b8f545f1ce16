package dev.digits.cli;

import dev.digits.handwriting.RealHandwriting;
import dev.digits.handwriting.RealSet;
import dev.digits.io.AtomicFiles;
import dev.digits.recognize.DigitRecognizer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * {@code digits bench read}: images per second of {@code digits predict} and {@code digits read} over a
 * directory of PNGs, one image at a time on one thread (the peer) against every core.
 */
final class ReadSpeed {
    private ReadSpeed() {}

    /** What a directory is read with. */
    enum Mode {
        PREDICT,
        READ
    }

    /**
     * Writes {@code count} pictures of {@code set} as PNGs into {@code directory} unless it already holds
     * that many, and returns them sorted.
     */
    static List<Path> ensurePictures(RealSet set, Path directory, int count) throws IOException {
        Files.createDirectories(directory);
        List<Path> files = ImageFiles.expandOrEmpty(directory);
        if (files.size() == count) {
            return files;
        }
        for (Path stale : files) {
            Files.delete(stale);
        }
        System.err.printf(Locale.ROOT, "writing %,d pictures of %s to %s ...%n", count, set.name(), directory);
        for (int i = 0; i < count; i++) {
            var picture = set.sample(i).image();
            AtomicFiles.write(
                    directory.resolve(String.format(Locale.ROOT, "%05d.png", i)),
                    out -> ImageIO.write(picture, "png", out));
        }
        return ImageFiles.expandOrEmpty(directory);
    }

    /** The median of {@code runs} timings of reading every file with {@code threads} workers, in seconds. */
    static double medianSeconds(DigitRecognizer digits, List<Path> files, Mode mode, int threads, int runs)
            throws IOException {
        double[] seconds = new double[runs];
        try (PrintStream discard = new PrintStream(OutputStream.nullOutputStream())) {
            for (int run = 0; run < runs; run++) {
                long start = System.nanoTime();
                if (mode == Mode.PREDICT) {
                    // As digits predict reads a directory: in batches, the network run once per batch.
                    ImageFiles.forEachBatch(
                            files,
                            true,
                            PredictCommand.BATCH,
                            batch -> digits.predictFiles(batch).stream()
                                    .map(o -> o.prediction() == null
                                            ? (Object) o.failure()
                                            : String.valueOf(o.prediction().digit()))
                                    .toList(),
                            threads,
                            discard);
                } else {
                    ImageFiles.forEach(files, true, file -> digits.read(file).text(), threads, discard);
                }
                seconds[run] = (System.nanoTime() - start) / 1e9;
            }
        }
        Arrays.sort(seconds);
        return seconds[runs / 2];
    }

    static int run(DigitRecognizer digits, RealHandwriting handwriting, Path out, int count, int numbers, int runs)
            throws IOException {
        List<Path> singles = ensurePictures(handwriting.penDigitsForSpeed(count), out.resolve("digits"), count);
        List<Path> written = ensurePictures(handwriting.penNumbersForSpeed(numbers), out.resolve("numbers"), numbers);
        int workers = ImageFiles.workers();
        // Warm-up: class loading, the JIT and the engine's first calls are not what is measured.
        medianSeconds(digits, singles.subList(0, Math.min(200, singles.size())), Mode.PREDICT, workers, 1);
        medianSeconds(digits, written.subList(0, Math.min(50, written.size())), Mode.READ, workers, 1);
        System.out.printf(
                Locale.ROOT,
                "%-34s %7s %16s %16s %7s%n",
                "directory",
                "images",
                "1 worker",
                workers + " workers",
                "ratio");
        for (Mode mode : Mode.values()) {
            List<Path> files = mode == Mode.PREDICT ? singles : written;
            double one = medianSeconds(digits, files, mode, 1, runs);
            double all = medianSeconds(digits, files, mode, workers, runs);
            System.out.printf(
                    Locale.ROOT,
                    "%-34s %7d %8.0f img/s %8.0f img/s %6.2fx%n",
                    mode.name().toLowerCase(Locale.ROOT) + " " + files.get(0).getParent(),
                    files.size(),
                    files.size() / one,
                    files.size() / all,
                    one / all);
        }
        System.out.printf(
                Locale.ROOT, "medians of %d runs, the files decoded from disk each time, after a warm-up%n", runs);
        return 0;
    }
}
