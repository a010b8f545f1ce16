package dev.digits.cli;

import dev.digits.DigitsException;
import dev.digits.data.DatasetSpec;
import dev.digits.data.Mnist;
import dev.digits.eval.Evaluation;
import dev.digits.model.Classifier;
import dev.digits.model.ModelCard;
import dev.digits.model.ModelDirectory;
import dev.digits.model.TorchScriptNetwork;
import dev.digits.model.keras.InputScale;
import dev.digits.model.keras.KerasImporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code digits import}: a Keras or TorchScript model file becomes a model directory, evaluated on the test set. */
@Command(
        name = "import",
        description = {
            "Turn a model trained elsewhere into a model directory that every command can use.",
            "FILE: Keras .keras (Keras 3, or 2.13-2.15), Keras 2 full-model .h5 (Keras 2.0 on), or TorchScript .pt "
                    + "(1x1x28x28 float input, 10 scores)."
        })
final class ImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** Below this test accuracy an import is more likely fed the wrong pixel range than a bad model (chance is 0.1). */
    private static final double SUSPICIOUS_ACCURACY = 0.5;

    @Parameters(index = "0", paramLabel = "FILE", description = "The model file.")
    Path file;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Output directory (default: models/<file name without extension>).")
    Path out;

    @Option(
            names = "--input-scale",
            paramLabel = "1|255",
            defaultValue = "1",
            description = {
                "The pixel range the model was trained on: 1 for pixels divided by 255 (default), 255 for raw "
                        + "0-255 pixels. Keras files do not record it; a wrong scale shows as a low test accuracy. "
                        + "A Rescaling layer at the model's input decides instead."
            })
    int inputScale;

    @Mixin
    DataOptions data;

    @Override
    public Integer call() throws IOException {
        Path directory = out != null ? out : Path.of("models", ImageFiles.stem(file));
        if (Files.exists(directory.resolve(ModelDirectory.CARD))) {
            throw new DigitsException(directory + " already holds a model; choose another --out");
        }
        InputScale scale = Usage.check(spec, () -> InputScale.of(inputScale));
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("imported_from", file.toAbsolutePath().normalize().toString());
        source.put("source_sha256", sha256(file));
        Classifier classifier = read(file, scale, source);
        try (classifier) {
            DatasetSpec spec = DatasetSpec.MNIST;
            Evaluation test =
                    Evaluation.of(classifier, Mnist.load(data.cache(), spec).test());
            ModelCard card = ModelCard.describing(directory.getFileName().toString(), classifier, spec)
                    .hyperparameters(source)
                    .dataSha256(testDataSha256(spec))
                    .software(VersionProvider.software())
                    .command("digits import " + file
                            + (scale == InputScale.UNIT ? "" : " --input-scale " + scale.factor()))
                    .metrics(test.metrics("test"))
                    .build();
            ModelDirectory.save(directory, classifier, card);
            System.out.println("Imported " + file + " (" + source.get("format") + ", "
                    + String.format(Locale.ROOT, "%,d", classifier.parameterCount()) + " parameters) into "
                    + directory.toAbsolutePath());
            if (source.get("notes") instanceof List<?> notes) {
                notes.forEach(n -> System.out.println("  note: " + n));
            }
            System.out.printf(
                    Locale.ROOT,
                    "test accuracy: %.4f (%,d of %,d)%n",
                    test.accuracy(),
                    Math.round(test.accuracy() * test.count()),
                    test.count());
            if (test.accuracy() < SUSPICIOUS_ACCURACY) {
                System.out.println("  warning: this low accuracy often means the model was trained on other inputs: "
                        + (scale == InputScale.UNIT
                                ? "try --input-scale 255 (raw 0-255 pixels)"
                                : "try --input-scale 1")
                        + ", or check that it is an MNIST model");
            }
            System.out.printf(Locale.ROOT, "Evaluate again: digits evaluate --model %s%n", directory);
        }
        return 0;
    }

    /** Keras files are told apart by their content; TorchScript (also a zip) by its extension. */
    private static Classifier read(Path file, InputScale scale, Map<String, Object> source) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".pt") || name.endsWith(".pth") || name.endsWith(".torchscript")) {
            if (scale != InputScale.UNIT) {
                throw new DigitsException(file + ": --input-scale applies to Keras files only; "
                        + "a TorchScript model must take 0-1 pixels (scale them inside the scripted module)");
            }
            source.put("format", "torchscript");
            return TorchScriptNetwork.read(file);
        }
        KerasImporter.Imported imported = KerasImporter.read(file, scale);
        source.putAll(imported.provenance());
        return imported.classifier();
    }

    /** The card's metrics are measured on the test set: these are its files. */
    private static Map<String, String> testDataSha256(DatasetSpec spec) {
        Map<String, String> result = new LinkedHashMap<>();
        for (var file : List.of(spec.testImages(), spec.testLabels())) {
            result.put(file.name(), file.sha256());
        }
        return result;
    }

    private static String sha256(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new DigitsException(file + ": no such file");
        }
        return dev.digits.data.Sha256.of(file);
    }
}
