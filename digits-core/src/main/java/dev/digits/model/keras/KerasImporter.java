package dev.digits.model.keras;

import dev.digits.DigitsException;
import dev.digits.model.Classifier;
import dev.digits.model.Network;
import dev.digits.model.layers.Parameters;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a Keras model file into a {@link Classifier} built from a {@link dev.digits.model.layers.LayerStack}. */
public final class KerasImporter {
    /**
     * The network and where it came from.
     *
     * @param provenance what the model card records about the source (format, Keras version, notes)
     */
    public record Imported(
            Classifier classifier, KerasLayerConverter.Result conversion, Map<String, Object> provenance) {}

    private KerasImporter() {}

    /** Reads a model trained on 0-1 pixels. */
    public static Imported read(Path file) {
        return read(file, InputScale.UNIT);
    }

    /** Reads a model trained on pixels scaled to 0..{@code inputScale}; the network it returns takes 0-1 pixels. */
    public static Imported read(Path file, InputScale inputScale) {
        KerasLayerConverter.Result result;
        Map<String, Object> provenance = new LinkedHashMap<>();
        try (KerasFile keras = KerasFile.open(file)) {
            provenance.put("format", keras.format());
            provenance.put("keras_version", keras.kerasVersion());
            if (keras.kerasVersion().startsWith("1.")) {
                throw new UnsupportedKerasModel(
                        "written by Keras " + keras.kerasVersion() + ", whose layer settings differ "
                                + "(supported: Keras 2.0 and later; load the model in Keras 2 and save it again)");
            }
            if (KerasFile.THEANO.equals(keras.backend())) {
                provenance.put("backend", KerasFile.THEANO);
            }
            List<KerasGraph.Node> nodes = KerasGraph.nodes(keras.modelConfig());
            List<KerasLayer> layers = nodes.stream().map(KerasGraph.Node::layer).toList();
            result = KerasLayerConverter.convertModel(nodes, keras.weights(layers), inputScale);
        } catch (UnsupportedKerasModel e) {
            throw new UnsupportedKerasModel(file + ": " + e.getMessage());
        } catch (DigitsException e) {
            throw e.getMessage().startsWith(file.toString()) ? e : new DigitsException(file + ": " + e.getMessage(), e);
        }
        provenance.put("input_scale", inputScale.factor());
        List<String> notes = new java.util.ArrayList<>(result.notes());
        if (KerasFile.THEANO.equals(provenance.get("backend"))) {
            notes.add(
                    0,
                    "written with the Theano backend: Conv2D kernels are turned by 180°, as Keras does when it loads such a file");
        }
        provenance.put("notes", notes);
        Classifier classifier = Classifier.create(Network.imported(result.stack()), 0);
        try {
            Parameters.assign(classifier, result.parameters());
        } catch (RuntimeException e) {
            classifier.close();
            throw new DigitsException(
                    file + ": the converted weights do not fit the network (" + e.getMessage() + ")", e);
        }
        return new Imported(classifier, result, provenance);
    }
}
