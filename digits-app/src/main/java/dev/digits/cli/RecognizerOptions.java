package dev.digits.cli;

import dev.digits.recognize.DigitRecognizer;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --model}, shared by the commands that recognise images. */
final class RecognizerOptions {
    @Option(
            names = "--model",
            paramLabel = "DIR",
            description = "Model directory (default: the model bundled with digits).")
    Path model;

    DigitRecognizer open() {
        return model == null ? DigitRecognizer.load() : DigitRecognizer.load(model);
    }
}
