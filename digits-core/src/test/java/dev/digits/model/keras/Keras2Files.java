package dev.digits.model.keras;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.digits.io.Json;
import dev.digits.model.layers.Tensor;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a model in Keras 2's full-model {@code .h5} layout, as {@code model.save("m.h5")} did: the config
 * (Keras 2 schema) in the root attribute {@code model_config}, weights at
 * {@code model_weights/<layer>/<layer>/kernel:0} listed by each layer group's {@code weight_names}.
 */
final class Keras2Files {
    private static final String[] KERNEL_NAMES = {"kernel:0", "bias:0"};
    private static final String[] BATCH_NORM_NAMES = {"gamma:0", "beta:0", "moving_mean:0", "moving_variance:0"};

    private Keras2Files() {}

    static void write(KerasExporter.KerasModel model, Path file) {
        write(model, file, "tensorflow");
    }

    /** As a Keras 2 session with {@code backend} (tensorflow, theano) wrote it; the arrays are written as given. */
    static void write(KerasExporter.KerasModel model, Path file, String backend) {
        JsonNode config = keras2Config(model.config());
        try (WritableHdfFile hdf = HdfFile.write(file)) {
            hdf.putAttribute("model_config", Json.writeLine(config));
            hdf.putAttribute("keras_version", "2.15.0");
            hdf.putAttribute("backend", backend);
            WritableGroup weights = hdf.putGroup("model_weights");
            weights.putAttribute("layer_names", model.weights().keySet().toArray(String[]::new));
            for (Map.Entry<String, List<Tensor>> layer : model.weights().entrySet()) {
                WritableGroup group = weights.putGroup(layer.getKey());
                List<Tensor> arrays = layer.getValue();
                String[] suffixes = arrays.size() == 4 ? BATCH_NORM_NAMES : KERNEL_NAMES;
                List<String> names = new ArrayList<>();
                WritableGroup inner = arrays.isEmpty() ? null : group.putGroup(layer.getKey());
                for (int i = 0; i < arrays.size(); i++) {
                    names.add(layer.getKey() + "/" + suffixes[i]);
                    inner.putDataset(suffixes[i], KerasArchiveWriter.nested(arrays.get(i)));
                }
                if (!names.isEmpty()) { // h5py writes an empty list; jHDF cannot, and the reader takes none as empty
                    group.putAttribute("weight_names", names.toArray(String[]::new));
                }
            }
        }
    }

    /** Keras 2's schema: no module or registered_name, dtype a string, the input's shape as batch_input_shape. */
    private static JsonNode keras2Config(ObjectNode keras3) {
        ObjectNode model = Json.MAPPER.createObjectNode();
        model.put("class_name", "Sequential");
        ObjectNode config = model.putObject("config");
        config.put("name", "sequential");
        ArrayNode layers = config.putArray("layers");
        for (JsonNode layer : keras3.path("config").path("layers")) {
            ObjectNode c = ((ObjectNode) layer.get("config")).deepCopy();
            if (c.has("dtype")) {
                c.put("dtype", "float32");
            }
            if (c.has("batch_shape")) {
                c.set("batch_input_shape", c.remove("batch_shape"));
            }
            ObjectNode entry = layers.addObject();
            entry.put("class_name", layer.get("class_name").asText());
            entry.set("config", c);
        }
        return model;
    }
}
