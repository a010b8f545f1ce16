package dev.digits.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.digits.DigitsException;
import dev.digits.data.DigitSet;
import dev.digits.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A network saved as TorchScript ({@code torch.jit.save}), run by the PyTorch engine as it is.
 * Its block comes from the file, so there is no fresh one to build: such models are used, not trained.
 * In a model directory the file is {@link #FILE}, in place of the parameters.
 *
 * @param file the {@code .pt} file
 */
public record TorchScriptNetwork(Path file) implements Architecture {
    /** The {@link ModelCard#architecture()} of TorchScript models. */
    public static final String NAME = "torchscript";
    /** The file name in a model directory. */
    public static final String FILE = "model.pt";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "a TorchScript network (" + file.getFileName() + ")";
    }

    /** Copies the file into the model directory as {@link #FILE}. */
    @Override
    public void save(Path directory, Classifier classifier) throws IOException {
        AtomicFiles.write(directory.resolve(FILE), out -> Files.copy(file, out));
    }

    @Override
    public Classifier load(Path directory) {
        return read(directory.resolve(FILE));
    }

    /**
     * Loads the file and checks that it maps a batch of 1x28x28 float images to 10 scores each: a batch of two
     * shows that the batch axis is really free, not fixed at one by tracing.
     */
    public static Classifier read(Path file) {
        Classifier classifier = Classifier.loadEngineModel(new TorchScriptNetwork(file), file);
        try (NDManager scope = classifier.manager().newSubManager()) {
            NDArray probe = scope.zeros(new Shape(2, 1, DigitSet.SIDE, DigitSet.SIDE), DataType.FLOAT32);
            Shape out;
            try {
                out = classifier.logits(probe).getShape();
            } catch (RuntimeException e) {
                throw new DigitsException(
                        file + ": the TorchScript model fails on a batch of 2x1x28x28 float inputs ("
                                + firstLine(e.getMessage()) + ")",
                        e);
            }
            if (!out.equals(new Shape(2, DigitSet.CLASSES))) {
                throw new DigitsException(file + ": the TorchScript model returns " + out
                        + " for a batch of two images; " + "it must return (2, " + DigitSet.CLASSES + ") scores");
            }
            return classifier;
        } catch (RuntimeException e) {
            classifier.close();
            throw e;
        }
    }

    private static String firstLine(String message) {
        return message == null ? "no message" : message.lines().findFirst().orElse(message);
    }
}
