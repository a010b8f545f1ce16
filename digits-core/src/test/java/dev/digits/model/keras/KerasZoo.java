package dev.digits.model.keras;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The shared zoo of real Keras MNIST models other people published ({@code ../shared/fixtures/keras-zoo} beside the
 * repository), read by path, never copied. Its README has a table row per file; the row says which pixel range
 * the authors fed the model and the test accuracy they state, if any. A model file without a row is listed too,
 * with neither known.
 */
final class KerasZoo {
    static final Path DIRECTORY = Path.of("").toAbsolutePath().getParent().resolve("shared/fixtures/keras-zoo");
    private static final Pattern FILE = Pattern.compile("`([^`]+\\.(?:h5|keras))`");
    private static final Pattern ACCURACY = Pattern.compile("0\\.\\d{3,4}");

    /**
     * One zoo file.
     *
     * @param scale the authors' input range, null when the README does not say
     * @param claimed the accuracy the authors state, null when none
     */
    record Model(Path file, InputScale scale, Double claimed) {
        @Override
        public String toString() {
            return file.getFileName().toString();
        }
    }

    private KerasZoo() {}

    static boolean present() {
        return Files.isRegularFile(DIRECTORY.resolve("README.md"));
    }

    static List<Model> models() throws IOException {
        List<Model> models = new ArrayList<>();
        List<String> listed = new ArrayList<>();
        for (String line : Files.readAllLines(DIRECTORY.resolve("README.md"))) {
            String[] cells = line.split("\\|");
            Matcher file = cells.length > 4 ? FILE.matcher(cells[2]) : null;
            if (file == null || !file.find()) {
                continue;
            }
            String scaling = cells[cells.length - 2].toLowerCase(Locale.ROOT);
            InputScale scale = scaling.contains("raw 0..255") || scaling.contains("no scaling")
                    ? InputScale.PIXELS
                    : InputScale.UNIT;
            Matcher accuracy = ACCURACY.matcher(cells[cells.length - 1]);
            models.add(new Model(
                    DIRECTORY.resolve(file.group(1)),
                    scale,
                    accuracy.find() ? Double.valueOf(accuracy.group()) : null));
            listed.add(file.group(1));
        }
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            files.filter(f -> f.toString().endsWith(".h5") || f.toString().endsWith(".keras"))
                    .filter(f -> !listed.contains(f.getFileName().toString()))
                    .sorted()
                    .forEach(f -> models.add(new Model(f, null, null)));
        }
        return models;
    }
}
