package dev.digits.model;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import dev.digits.DigitsException;
import dev.digits.data.DigitSet;
import dev.digits.data.Images;
import dev.digits.io.AtomicFiles;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A network of some {@link Architecture} with its parameters, on the CPU. Not thread-safe. */
public final class Classifier implements AutoCloseable {
    /** Engine this project runs on (the PyTorch natives come from Maven Central). */
    public static final String ENGINE = "PyTorch";
    // Small batches keep inference temporaries small, reused by the allocator rather than mapped anew
    // (docs/measured.md, "Speed settings").
    private static final int INFERENCE_BATCH = 250;

    private final Architecture architecture;
    private final Model model;

    private Classifier(Architecture architecture, Model model) {
        this.architecture = architecture;
        this.model = model;
    }

    /** A new network with parameters drawn from the engine's generator, seeded with {@code seed}. */
    public static Classifier create(Buildable architecture, int seed) {
        TorchEngine.get().setRandomSeed(seed);
        Model model = Model.newInstance(architecture.name(), Device.cpu(), ENGINE);
        model.setBlock(architecture.newBlock());
        model.getBlock()
                .initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 1, DigitSet.SIDE, DigitSet.SIDE));
        return new Classifier(architecture, model);
    }

    /** A network of {@code architecture} with the parameters stored in {@code file}. */
    public static Classifier load(Buildable architecture, Path file) {
        Classifier classifier = create(architecture, 0);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            classifier.readParameters(in);
            return classifier;
        } catch (IOException | MalformedModelException | RuntimeException e) {
            classifier.close();
            throw new DigitsException(
                    file + ": cannot load " + architecture.name() + " parameters (" + e.getMessage()
                            + "); was it saved from a different architecture?",
                    e);
        }
    }

    /** A network that the engine reads whole from {@code file} (block and parameters), such as TorchScript. */
    static Classifier loadEngineModel(TorchScriptNetwork architecture, Path file) {
        TorchEngine.get();
        Model model = Model.newInstance(architecture.name(), Device.cpu(), ENGINE);
        try {
            model.load(file);
            return new Classifier(architecture, model);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw new DigitsException(
                    file + ": the " + ENGINE + " engine cannot load it as a " + architecture.name() + " model ("
                            + e.getMessage() + ")",
                    e);
        }
    }

    /**
     * The network to predict with: {@code classifier} with each batch norm that follows a convolution
     * folded into it ({@link BatchNormFolding}), one pass over the activations fewer per convolution,
     * as a new classifier, {@code classifier} closed; or {@code classifier} itself where nothing folds.
     * Its probabilities differ from the unfolded network's in the last bits. Not for training: the
     * batch norms' statistics are gone.
     */
    public static Classifier forInference(Classifier classifier) {
        Classifier folded = BatchNormFolding.fold(classifier);
        if (folded == null) {
            return classifier;
        }
        classifier.close();
        return folded;
    }

    public Architecture architecture() {
        return architecture;
    }

    public Model model() {
        return model;
    }

    public Block block() {
        return model.getBlock();
    }

    public NDManager manager() {
        return model.getNDManager();
    }

    public long parameterCount() {
        long count = 0;
        for (Pair<String, Parameter> p : block().getParameters()) {
            count += p.getValue().getArray().size();
        }
        return count;
    }

    /** The ids of all parameters in the network's order (ids differ between two builds of one architecture). */
    public java.util.List<String> parameterIds() {
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (Pair<String, Parameter> p : block().getParameters()) {
            ids.add(p.getValue().getId());
        }
        return ids;
    }

    /** Writes the parameters atomically. */
    public void saveParameters(Path file) throws IOException {
        AtomicFiles.write(file, this::writeParameters);
    }

    public void writeParameters(OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        block().saveParameters(data);
        data.flush();
    }

    /** The parameters as {@link #writeParameters} writes them, in memory (a snapshot to return to). */
    public byte[] parameterBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            writeParameters(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Restores a snapshot taken by {@link #parameterBytes} from a network of the same architecture. */
    public void restoreParameterBytes(byte[] parameters) {
        try {
            readParameters(new ByteArrayInputStream(parameters));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MalformedModelException e) {
            throw new IllegalStateException(
                    "parameters snapshot does not fit this " + architecture.name() + " network", e);
        }
    }

    public void readParameters(InputStream in) throws IOException, MalformedModelException {
        block().loadParameters(manager(), new DataInputStream(in));
        // Loaded arrays come without gradients (initialised ones have them): a restored checkpoint must train on.
        for (Pair<String, Parameter> p : block().getParameters()) {
            if (p.getValue().requiresGradient()) {
                p.getValue().getArray().setRequiresGradient(true);
            }
        }
    }

    /** Scores (logits) for a batch of {@code [n, 1, 28, 28]} inputs, attached to the inputs' manager. */
    public NDArray logits(NDArray inputs) {
        ParameterStore store = new ParameterStore(inputs.getManager(), false);
        return block().forward(store, new NDList(inputs), false).singletonOrThrow();
    }

    /**
     * Natural-log class probabilities for every image of the set, row-major {@code [n * 10]}.
     * Computed in batches, each in its own scope, so memory stays flat.
     */
    public float[] logProbabilities(DigitSet set) {
        float[] result = new float[set.size() * DigitSet.CLASSES];
        for (int from = 0; from < set.size(); from += INFERENCE_BATCH) {
            int to = Math.min(set.size(), from + INFERENCE_BATCH);
            try (NDManager scope = manager().newSubManager()) {
                NDArray inputs = Images.toInputs(scope, set, from, to);
                float[] batch = logits(inputs).logSoftmax(1).toFloatArray();
                System.arraycopy(batch, 0, result, from * DigitSet.CLASSES, batch.length);
            }
        }
        return result;
    }

    @Override
    public void close() {
        model.close();
    }
}
