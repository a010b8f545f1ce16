package dev.digits.cli;

import dev.digits.io.Json;
import dev.digits.recognize.DigitRecognizer;
import dev.digits.recognize.Reading;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code digits read}: a number (several digits) per image. */
@Command(
        name = "read",
        sortOptions = false,
        description = "Read the number written in each image: every digit, left to right.",
        footerHeading = "%nExamples:%n",
        footer = {"  digits read phone-number.jpg", "  digits read --json forms/ > numbers.jsonl"})
final class ReadCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "Images, or directories of images.")
    List<Path> inputs;

    @Mixin
    RecognizerOptions recognizer;

    @Option(
            names = "--json",
            description =
                    "One JSON object per image: file, text, and digits with box, digit, confidence, sure, probabilities.")
    boolean json;

    @Option(
            names = "--save-preprocessed",
            paramLabel = "DIR",
            description = "Write the 28x28 image the model saw for each digit, as <name>-<n>.png in DIR.")
    Path savePreprocessed;

    @Override
    public Integer call() throws IOException {
        List<Path> files = ImageFiles.expand(inputs);
        try (DigitRecognizer digits = recognizer.open()) {
            return ImageFiles.forEach(files, json, file -> {
                Reading reading = digits.read(file);
                if (savePreprocessed != null) {
                    for (int i = 0; i < reading.digits().size(); i++) {
                        ImageFiles.writeInput(
                                reading.digits().get(i).prediction().input(),
                                savePreprocessed.resolve(ImageFiles.stem(file) + "-" + (i + 1) + ".png"));
                    }
                }
                return json ? Json.writeLine(asJson(file, reading)) : asText(file, reading);
            });
        }
    }

    private static String asText(Path file, Reading reading) {
        if (reading.isEmpty()) {
            return file + ": no digits found";
        }
        String details = reading.digits().stream()
                .map(d -> String.format(
                        Locale.ROOT,
                        "%d %.1f%%%s",
                        d.prediction().digit(),
                        100 * d.prediction().confidence(),
                        d.prediction().sure() ? "" : " unsure"))
                .collect(Collectors.joining(", "));
        return file + ": " + reading.text() + "   (" + details + ")";
    }

    private static Map<String, Object> asJson(Path file, Reading reading) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("file", file.toString());
        out.put("text", reading.text());
        out.put(
                "digits",
                reading.digits().stream()
                        .map(d -> {
                            Map<String, Object> digit = new LinkedHashMap<>();
                            digit.put("box", d.box());
                            digit.put("digit", d.prediction().digit());
                            digit.put("confidence", d.prediction().confidence());
                            digit.put("sure", d.prediction().sure());
                            digit.put("probabilities", d.prediction().probabilities());
                            return digit;
                        })
                        .toList());
        return out;
    }
}
