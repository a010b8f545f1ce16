package dev.digits.model;

import dev.digits.DigitsException;
import dev.digits.io.Json;
import dev.digits.model.layers.LayerStack;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A saved model is a directory: {@code model.params} (the parameters) and {@code model.json}
 * (the {@link ModelCard}); training adds its history, curves and checkpoint beside them. What else
 * there is depends on the {@link Architecture}: an imported network adds {@code layers.json} (its
 * {@link LayerStack}), an ensemble its member list, and a TorchScript network is one file {@code model.pt}
 * in place of {@code model.params}.
 */
public final class ModelDirectory {
    public static final String PARAMETERS = "model.params";
    public static final String CARD = "model.json";

    private ModelDirectory() {}

    /** Writes parameters and card, each atomically; the card last, so a card always has its parameters. */
    public static void save(Path directory, Classifier classifier, ModelCard card) throws IOException {
        Files.createDirectories(directory);
        classifier.architecture().save(directory, classifier);
        Json.writeFile(directory.resolve(CARD), card);
    }

    public static ModelCard readCard(Path directory) {
        Path cardFile = requireModel(directory).resolve(CARD);
        try (InputStream in = Files.newInputStream(cardFile)) {
            return ModelCardReader.read(in);
        } catch (IOException e) {
            throw new DigitsException(cardFile + ": not a readable model card (" + e.getMessage() + ")", e);
        }
    }

    public static Classifier load(Path directory) {
        return architecture(directory).load(directory);
    }

    /** What the model in {@code directory} is, read from its card (and its layer or member list), without loading it. */
    public static Architecture architecture(Path directory) {
        return Architectures.stored(directory, readCard(directory).architecture());
    }

    private static Path requireModel(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new DigitsException("model directory " + directory + " does not exist; "
                    + "train one with 'digits train' or pass the directory it printed");
        }
        for (String name : new String[] {CARD, PARAMETERS}) {
            boolean scripted =
                    name.equals(PARAMETERS) && Files.isRegularFile(directory.resolve(TorchScriptNetwork.FILE));
            if (!scripted && !Files.isRegularFile(directory.resolve(name))) {
                throw new DigitsException(directory + " is not a model directory: " + name + " is missing"
                        + (Files.isRegularFile(directory.resolve("checkpoint.bin"))
                                ? " (training did not finish; continue it with 'digits train --resume " + directory
                                        + "')"
                                : ""));
            }
        }
        return directory;
    }
}
