package dev.digits.cli;

import dev.digits.io.Json;
import dev.digits.recognize.DigitRecognizer;
import dev.digits.recognize.Prediction;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code digits predict}: one digit per image. */
@Command(
        name = "predict",
        sortOptions = false,
        description = "Recognise the digit in each image (PNG, JPEG, GIF, BMP, WebP, TIFF; directories are searched).",
        footerHeading = "%nExamples:%n",
        footer = {
            "  digits predict seven.png",
            "  digits predict --json --top 3 photos/ > answers.jsonl",
            "  digits predict --model models/seed-2026-11-24 --save-preprocessed seen/ scan.jpg"
        })
final class PredictCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "Images, or directories of images.")
    List<Path> inputs;

    @Mixin
    RecognizerOptions recognizer;

    @Option(
            names = "--json",
            description = "One JSON object per image: file, digit, confidence, sure, probabilities, top.")
    boolean json;

    @Option(
            names = "--top",
            paramLabel = "K",
            defaultValue = "3",
            description = "How many classes to list (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(
            names = "--save-preprocessed",
            paramLabel = "DIR",
            description = "Write the 28x28 image the model saw for each input, as <name>.png in DIR.")
    Path savePreprocessed;

    /**
     * Pictures each worker prepares before the network reads them in one pass: one pass over many costs
     * far less per picture than a pass each.
     */
    static final int BATCH = 32;

    @Override
    public Integer call() throws IOException {
        if (top < 1 || top > 10) {
            throw Usage.error(spec, "--top takes 1 to 10, got " + top);
        }
        List<Path> files = ImageFiles.expand(inputs);
        try (DigitRecognizer digits = recognizer.open()) {
            return ImageFiles.forEachBatch(files, json, BATCH, batch -> {
                List<DigitRecognizer.Outcome> outcomes = digits.predictFiles(batch);
                List<Object> lines = new ArrayList<>();
                for (int i = 0; i < batch.size(); i++) {
                    Path file = batch.get(i);
                    Prediction prediction = outcomes.get(i).prediction();
                    if (prediction == null) {
                        lines.add(outcomes.get(i).failure());
                        continue;
                    }
                    if (savePreprocessed != null) {
                        ImageFiles.writeInput(
                                prediction.input(), savePreprocessed.resolve(ImageFiles.stem(file) + ".png"));
                    }
                    lines.add(json ? Json.writeLine(asJson(file, prediction)) : asText(file, prediction));
                }
                return lines;
            });
        }
    }

    private String asText(Path file, Prediction p) {
        String alternatives = p.top(top).stream()
                .map(a -> String.format(Locale.ROOT, "%d %.2f%%", a.digit(), 100 * a.probability()))
                .collect(Collectors.joining(", "));
        return String.format(
                Locale.ROOT,
                "%s: %d (%.2f%%)   top %d: %s%s",
                file,
                p.digit(),
                100 * p.confidence(),
                top,
                alternatives,
                p.sure() ? "" : "   unsure: " + p.unsureBecause());
    }

    private Map<String, Object> asJson(Path file, Prediction p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("file", file.toString());
        out.put("digit", p.digit());
        out.put("confidence", p.confidence());
        out.put("sure", p.sure());
        if (!p.sure()) {
            out.put("unsure_because", p.unsureBecause());
        }
        out.put("probabilities", p.probabilities());
        out.put("top", p.top(top));
        return out;
    }
}
