package dev.digits.cli;

import dev.digits.DigitsException;
import dev.digits.data.DigitSet;
import dev.digits.io.AtomicFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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
                try (Stream<Path> listing = Files.list(argument)) {
                    List<Path> images = listing.filter(ImageFiles::isImage).sorted().toList();
                    if (images.isEmpty()) {
                        throw new DigitsException("no image files (" + String.join(", ", EXTENSIONS.stream().sorted().toList())
                                + ") in directory " + argument);
                    }
                    files.addAll(images);
                }
            } else if (Files.isRegularFile(argument)) {
                files.add(argument);
            } else {
                throw new DigitsException("no such file or directory: " + argument);
            }
        }
        return files;
    }

    private static boolean isImage(Path path) {
        String name = path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return Files.isRegularFile(path) && dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** What a command does with one image: the line it prints (text or one JSON object). */
    @FunctionalInterface
    interface Action {
        String describe(Path file) throws IOException;
    }

    /**
     * Runs {@code action} on every file and prints its line. A file that fails (undecodable, no digit)
     * is reported on stderr (and as a JSON error line with {@code json}) and the others go on.
     *
     * @return the exit code: 0 if every file worked, 1 otherwise
     */
    static int forEach(List<Path> files, boolean json, Action action) throws IOException {
        int failures = 0;
        for (Path file : files) {
            try {
                System.out.println(action.describe(file));
            } catch (DigitsException e) {
                failures++;
                if (json) {
                    System.out.println(dev.digits.io.Json.writeLine(java.util.Map.of("file", file.toString(), "error", e.getMessage())));
                }
                System.err.println("digits: " + e.getMessage());
            }
        }
        return failures == 0 ? 0 : 1;
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
