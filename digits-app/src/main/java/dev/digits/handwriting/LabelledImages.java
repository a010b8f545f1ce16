package dev.digits.handwriting;

import dev.digits.DigitsException;
import dev.digits.data.DigitSet;
import dev.digits.image.ImageDecoder;
import dev.digits.image.Preprocessor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A directory of labelled pictures of single digits: the image files and {@value #LABELS}, with a header
 * and one line {@code file,label[,...]} per image, as {@code digits serve --feedback} keeps corrections
 * and {@code digits bench handwriting --write} writes its sets. Each picture is prepared as the reader
 * prepares one digit, so that training sees what reading will.
 *
 * @param images the prepared digits
 * @param skipped lines whose label is not one digit (a number), or whose picture has no ink
 */
public record LabelledImages(DigitSet images, int skipped) {
    public static final String LABELS = "labels.csv";

    public static LabelledImages read(Path directory) {
        Path labels = directory.resolve(LABELS);
        List<String> lines;
        try {
            lines = Files.readAllLines(labels);
        } catch (IOException e) {
            throw new DigitsException(
                    labels + ": cannot read the labels (" + e.getMessage() + "); --images takes a directory with "
                            + LABELS + " (file,label) beside its images, as digits serve --feedback DIR keeps them",
                    e);
        }
        Preprocessor preprocessor = new Preprocessor();
        ImageDecoder decoder = new ImageDecoder();
        List<byte[]> inputs = new ArrayList<>();
        List<Byte> digits = new ArrayList<>();
        int skipped = 0;
        for (int n = 1; n < lines.size(); n++) {
            String[] fields = lines.get(n).split(",");
            if (fields.length < 2 || fields[0].isBlank()) {
                continue;
            }
            String label = fields[1].strip();
            if (!label.matches("[0-9]")) {
                skipped++;
                continue;
            }
            var crop = preprocessor.digit(decoder.decode(directory.resolve(fields[0].strip())));
            if (crop.isEmpty()) {
                skipped++;
                continue;
            }
            inputs.add(TrainingImages.bytes(crop.get().input()));
            digits.add(Byte.parseByte(label));
        }
        byte[] labelBytes = new byte[digits.size()];
        for (int i = 0; i < labelBytes.length; i++) {
            labelBytes[i] = digits.get(i);
        }
        return new LabelledImages(TrainingImages.pack(inputs.toArray(new byte[0][]), labelBytes), skipped);
    }
}
