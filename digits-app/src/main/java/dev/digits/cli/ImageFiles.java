package dev.digits.cli;

import dev.digits.DigitsException;
import dev.digits.data.DigitSet;
import dev.digits.io.AtomicFiles;
import dev.digits.io.Json;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/** The image files named on a command line, and the 28x28 inputs written back for people to look at. */
final class ImageFiles {
    private static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "gif", "bmp", "webp", "tif", "tiff");

    private ImageFiles() {}

    /** Files as given; directories become their image files, sorted by name. */
    static List<Path> expand(List<Path> arguments) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path argument : arguments) {
            if (Files.isDirectory(argument)) {
                List<Path> images = expandOrEmpty(argument);
                if (images.isEmpty()) {
                    throw new DigitsException("no image files ("
                            + String.join(", ", EXTENSIONS.stream().sorted().toList()) + ") in directory " + argument);
                }
                files.addAll(images);
            } else if (Files.isRegularFile(argument)) {
                files.add(argument);
            } else {
                throw new DigitsException("no such file or directory: " + argument);
            }
        }
        return files;
    }

    /** The image files in {@code directory}, sorted by name; empty if it has none. */
    static List<Path> expandOrEmpty(Path directory) throws IOException {
        try (Stream<Path> listing = Files.list(directory)) {
            return listing.filter(ImageFiles::isImage).sorted().toList();
        }
    }

    private static boolean isImage(Path path) {
        String name = path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return Files.isRegularFile(path)
                && dot > 0
                && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** What a command does with one image: the line it prints (text or one JSON object). */
    @FunctionalInterface
    interface Action {
        String describe(Path file) throws IOException;
    }

    /**
     * What a command does with several images at once: for each, in order, the line it prints or the
     * {@link DigitsException} that kept it from being read.
     */
    @FunctionalInterface
    interface BatchAction {
        List<Object> describe(List<Path> files) throws IOException;
    }

    /**
     * Runs {@code action} on every file, on every core, and prints the lines in the order of the files. A
     * file that fails (undecodable, no digit) is reported on stderr (and as a JSON error line with
     * {@code json}) and the others go on.
     *
     * @return the exit code: 0 if every file worked, 1 otherwise
     */
    static int forEach(List<Path> files, boolean json, Action action) throws IOException {
        return forEach(files, json, action, workers(), System.out);
    }

    /** How many images {@link #forEach(List, boolean, Action)} reads at once: one per core, as many as a recognizer prepares at once. */
    static int workers() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** As {@link #forEach(List, boolean, Action)}, with {@code threads} workers, printing to {@code out}. */
    static int forEach(List<Path> files, boolean json, Action action, int threads, PrintStream out) throws IOException {
        return forEachBatch(
                files,
                json,
                1,
                batch -> {
                    try {
                        return List.of(action.describe(batch.get(0)));
                    } catch (DigitsException e) {
                        return List.of(e);
                    }
                },
                threads,
                out);
    }

    /**
     * As {@link #forEach(List, boolean, Action)}, {@code action} given up to {@code batch} files at a time
     * (fewer where that spreads a short list over every worker).
     */
    static int forEachBatch(List<Path> files, boolean json, int batch, BatchAction action) throws IOException {
        return forEachBatch(files, json, batch, action, workers(), System.out);
    }

    /** As {@link #forEachBatch(List, boolean, int, BatchAction)}, with {@code threads} workers, printing to {@code out}. */
    static int forEachBatch(List<Path> files, boolean json, int batch, BatchAction action, int threads, PrintStream out)
            throws IOException {
        int size = Math.max(1, Math.min(batch, (files.size() + threads - 1) / threads));
        List<List<Path>> batches = new ArrayList<>();
        for (int from = 0; from < files.size(); from += size) {
            batches.add(files.subList(from, Math.min(files.size(), from + size)));
        }
        int failures = 0;
        ExecutorService workers = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "digits-image");
            thread.setDaemon(true);
            return thread;
        });
        try {
            // A window of batches in flight keeps every worker busy while the lines come out in order.
            Deque<Future<List<Object>>> inFlight = new ArrayDeque<>();
            int next = 0;
            for (List<Path> printed : batches) {
                while (next < batches.size() && inFlight.size() < IN_FLIGHT_PER_THREAD * threads) {
                    List<Path> submitted = batches.get(next++);
                    inFlight.add(workers.submit(() -> action.describe(submitted)));
                }
                List<Object> lines = result(inFlight.remove());
                for (int i = 0; i < printed.size(); i++) {
                    if (lines.get(i) instanceof DigitsException e) {
                        failures++;
                        if (json) {
                            out.println(
                                    Json.writeLine(Map.of("file", printed.get(i).toString(), "error", e.getMessage())));
                        }
                        System.err.println("digits: " + e.getMessage());
                    } else {
                        out.println(lines.get(i));
                    }
                }
            }
        } finally {
            workers.shutdownNow();
        }
        return failures == 0 ? 0 : 1;
    }

    private static final int IN_FLIGHT_PER_THREAD = 4;

    /** The lines a worker made, with its exception as thrown. */
    private static List<Object> result(Future<List<Object>> lines) throws IOException {
        try {
            return lines.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DigitsException("interrupted while reading images", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw (Error) cause;
        }
    }

    /** The file name without its extension. */
    static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** Writes a 28x28 model input as a greyscale PNG (white ink on black, as MNIST). */
    static void writeInput(float[] input, Path file) throws IOException {
        BufferedImage image = new BufferedImage(DigitSet.SIDE, DigitSet.SIDE, BufferedImage.TYPE_BYTE_GRAY);
        for (int i = 0; i < DigitSet.PIXELS; i++) {
            image.getRaster().setSample(i % DigitSet.SIDE, i / DigitSet.SIDE, 0, Math.round(input[i] * 255));
        }
        AtomicFiles.write(file, out -> ImageIO.write(image, "png", out));
    }
}
