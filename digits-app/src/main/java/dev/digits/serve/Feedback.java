package dev.digits.serve;

import dev.digits.DigitsException;
import dev.digits.io.AtomicFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import javax.imageio.ImageIO;

/**
 * Corrections people send from the page ("Wrong? Tell us the digit"): each image as a PNG, and a line
 * {@code file,label} in {@value #LABELS}, the layout {@code digits bench handwriting --write} uses. At
 * most {@code limit} are kept; after that the server says it is full. Thread-safe.
 */
final class Feedback {
    static final String LABELS = "labels.csv";
    private static final String HEADER = "file,label\n";

    private final Path directory;
    private final int limit;
    private int count;

    Feedback(Path directory, int limit) {
        this.directory = directory;
        this.limit = limit;
        try {
            Files.createDirectories(directory);
            Path labels = directory.resolve(LABELS);
            if (Files.exists(labels)) {
                try (var lines = Files.lines(labels)) {
                    count = (int) Math.max(0, lines.count() - 1);
                }
            }
        } catch (IOException e) {
            throw new DigitsException(
                    "cannot keep feedback in " + directory + " (" + e.getMessage() + "); choose another --feedback DIR",
                    e);
        }
    }

    /** Keeps {@code image}, written as {@code label}; returns the file's name. */
    synchronized String save(BufferedImage image, String label) {
        if (count >= limit) {
            throw new ApiError(
                    507,
                    "feedback is full",
                    "the server keeps at most " + limit + " corrections (digits serve --feedback-limit)");
        }
        String name = String.format("%06d-%s.png", count + 1, label);
        try {
            AtomicFiles.write(directory.resolve(name), out -> ImageIO.write(image, "png", out));
            Path labels = directory.resolve(LABELS);
            String line = (Files.exists(labels) ? "" : HEADER) + name + "," + label + "\n";
            Files.writeString(
                    labels,
                    line,
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND,
                    StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        count++;
        return name;
    }
}
