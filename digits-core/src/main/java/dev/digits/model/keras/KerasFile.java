package dev.digits.model.keras;

import com.fasterxml.jackson.databind.JsonNode;
import dev.digits.DigitsException;
import dev.digits.io.Json;
import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Group;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * An opened Keras model file: its model config and its weights.
 * Keras 3 {@code .keras} is a zip of {@code metadata.json}, {@code config.json} and {@code model.weights.h5};
 * Keras 2 {@code .h5} is one HDF5 file with the config in the root attribute {@code model_config}.
 *
 * @param format {@code keras3} or {@code keras2-h5}
 * @param kerasVersion as the file records it ({@code unknown} if it does not)
 */
public record KerasFile(
        String format, String kerasVersion, JsonNode modelConfig, HdfFile hdf, Group weightsRoot, String source)
        implements AutoCloseable {
    public static final String KERAS3 = "keras3";
    public static final String KERAS2_H5 = "keras2-h5";
    static final String THEANO = "theano";
    static final String CONFIG = "config.json";
    static final String METADATA = "metadata.json";
    static final String WEIGHTS = "model.weights.h5";
    private static final byte[] HDF5_SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

    public static KerasFile open(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DigitsException(file + ": no such file");
        }
        byte[] head = head(file);
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K') {
            return openKeras3(file);
        }
        if (startsWith(head, HDF5_SIGNATURE)) {
            return openKeras2(file);
        }
        throw new DigitsException(file + ": not a Keras model file (neither a .keras zip nor an HDF5 .h5 file)");
    }

    private static KerasFile openKeras3(Path file) {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (e.getName().equals(CONFIG)
                        || e.getName().equals(METADATA)
                        || e.getName().equals(WEIGHTS)) {
                    entries.put(e.getName(), zip.readAllBytes());
                }
            }
        } catch (EOFException e) {
            throw new DigitsException(file + ": not a readable .keras zip (it ends early: truncated?)", e);
        } catch (ZipException e) {
            throw new DigitsException(file + ": not a readable .keras zip (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new DigitsException(file + ": cannot read (" + e + ")", e);
        }
        for (String required : new String[] {CONFIG, WEIGHTS}) {
            if (!entries.containsKey(required)) {
                throw new DigitsException(file + ": not a Keras 3 model: the zip has no " + required
                        + (required.equals(WEIGHTS) ? " (was it saved without weights?)" : ""));
            }
        }
        JsonNode config = json(entries.get(CONFIG), file + "!" + CONFIG);
        String version = entries.containsKey(METADATA)
                ? json(entries.get(METADATA), file + "!" + METADATA)
                        .path("keras_version")
                        .asText("unknown")
                : "unknown";
        HdfFile hdf = hdf(entries.get(WEIGHTS), file + "!" + WEIGHTS);
        return new KerasFile(KERAS3, version, config, hdf, hdf, file + "!" + WEIGHTS);
    }

    private static KerasFile openKeras2(Path file) {
        HdfFile hdf;
        try {
            hdf = new HdfFile(file);
        } catch (RuntimeException e) {
            throw new DigitsException(file + ": not a readable HDF5 file (" + e.getMessage() + ")", e);
        }
        try {
            Attribute config = hdf.getAttribute("model_config");
            if (config == null) {
                throw new DigitsException(file + ": an HDF5 file without 'model_config': "
                        + (hdf.getAttribute("layer_names") != null
                                ? "it holds weights only (Keras save_weights); save the whole model with model.save()"
                                : "not a Keras model"));
            }
            if (!(hdf.getChild("model_weights") instanceof Group weights)) {
                throw new DigitsException(
                        file + ": the Keras .h5 file has no 'model_weights' group (saved without weights?)");
            }
            Attribute version = hdf.getAttribute("keras_version");
            String kerasVersion = version == null
                    ? "unknown"
                    : KerasWeights.strings(version.getData()).get(0);
            JsonNode modelConfig = json(
                    KerasWeights.strings(config.getData()).get(0).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    file + " model_config");
            return new KerasFile(KERAS2_H5, kerasVersion, modelConfig, hdf, weights, file.toString());
        } catch (RuntimeException e) {
            hdf.close();
            throw e;
        }
    }

    /** The weights of {@code chain}'s layers (Keras 3 finds them by the layers' classes and order). */
    public KerasWeights weights(List<KerasLayer> chain) {
        if (format.equals(KERAS3)) {
            return KerasWeights.keras3(weightsRoot, source, chain);
        }
        KerasWeights weights = KerasWeights.keras2(weightsRoot, source);
        return THEANO.equals(backend()) ? KerasWeights.theanoKernelsFlipped(weights) : weights;
    }

    /** The backend a Keras 2 {@code .h5} file was written with ({@code tensorflow}, {@code theano}, …); null if unrecorded. */
    public String backend() {
        if (!format.equals(KERAS2_H5)) {
            return null;
        }
        Attribute backend = hdf.getAttribute("backend");
        return backend == null ? null : KerasWeights.strings(backend.getData()).get(0);
    }

    private static HdfFile hdf(byte[] bytes, String source) {
        try {
            return HdfFile.fromBytes(bytes);
        } catch (RuntimeException e) {
            throw new DigitsException(source + ": not a readable HDF5 file (" + e.getMessage() + ")", e);
        }
    }

    private static JsonNode json(byte[] bytes, String source) {
        try {
            return Json.MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new DigitsException(source + ": not valid JSON (" + e.getMessage() + ")", e);
        }
    }

    private static byte[] head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(HDF5_SIGNATURE.length);
        } catch (IOException e) {
            throw new DigitsException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length
                && java.util.Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    @Override
    public void close() {
        hdf.close();
    }
}
