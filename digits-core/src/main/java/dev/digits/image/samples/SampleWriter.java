package dev.digits.image.samples;

import dev.digits.DigitsException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;

/**
 * Writes a set to a directory: one file per image ({@code 00042.png}, photographs as the JPEG they
 * were generated as) and {@code labels.csv} with columns {@code file,label,sources}.
 */
public final class SampleWriter {
    private SampleWriter() {}

    public static void write(List<SampleImage> samples, Path directory) {
        try {
            Files.createDirectories(directory);
            StringBuilder csv = new StringBuilder("file,label,sources\n");
            for (int i = 0; i < samples.size(); i++) {
                SampleImage sample = samples.get(i);
                String file = String.format(Locale.ROOT, "%05d.%s", i, sample.extension());
                Path path = directory.resolve(file);
                if (sample.jpeg() != null) {
                    Files.write(path, sample.jpeg());
                } else if (!ImageIO.write(sample.image(), "png", path.toFile())) {
                    throw new DigitsException(
                            "no PNG writer for a " + sample.image().getType() + " image");
                }
                String sources = Arrays.stream(sample.sources())
                        .mapToObj(Integer::toString)
                        .collect(Collectors.joining(" "));
                csv.append(file)
                        .append(',')
                        .append(sample.label())
                        .append(',')
                        .append(sources)
                        .append('\n');
            }
            Files.writeString(directory.resolve("labels.csv"), csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DigitsException(directory + ": cannot write the sample images: " + e.getMessage(), e);
        }
    }
}
