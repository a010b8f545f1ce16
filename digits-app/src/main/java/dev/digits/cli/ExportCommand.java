package dev.digits.cli;

import dev.digits.DigitsException;
import dev.digits.model.Architectures;
import dev.digits.model.Classifier;
import dev.digits.model.ModelDirectory;
import dev.digits.model.Network;
import dev.digits.model.keras.KerasArchiveWriter;
import dev.digits.model.keras.KerasExporter;
import dev.digits.model.layers.Parameters;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code digits export}: a model directory as a file other frameworks load. */
@Command(
        name = "export",
        description =
                "Write a model as a Keras 3 .keras file (its last layer applies softmax, as Keras classifiers do).")
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** The formats {@code --format} takes. */
    enum Format {
        KERAS
    }

    @Option(names = "--model", paramLabel = "DIR", required = true, description = "Model directory.")
    Path model;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "keras",
            description = "Output format: keras (default).")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The file to write, e.g. model.keras.")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (!out.getFileName().toString().endsWith(".keras")) {
            throw Usage.error(spec, "--out must end in .keras (Keras 3 refuses other names): " + out);
        }
        if (!(ModelDirectory.architecture(model) instanceof Network network)) {
            throw new DigitsException(
                    "cannot export a '" + ModelDirectory.readCard(model).architecture()
                            + "' model to Keras: only the architectures digits trains ("
                            + Architectures.all().stream().map(Network::name).collect(Collectors.joining(", "))
                            + ") and imported Keras models can be exported");
        }
        KerasExporter.KerasModel keras;
        try (Classifier classifier = network.load(model)) {
            keras = KerasExporter.export(network.layers(), Parameters.read(classifier));
        }
        KerasArchiveWriter.write(keras, out);
        System.out.println("Wrote " + out.toAbsolutePath() + " (Keras " + KerasArchiveWriter.KERAS_VERSION + " layout, "
                + (keras.config().path("config").path("layers").size() - 1) + " layers)");
        return 0;
    }
}
