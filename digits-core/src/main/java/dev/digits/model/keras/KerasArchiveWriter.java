package dev.digits.model.keras;

import dev.digits.io.AtomicFiles;
import dev.digits.io.Json;
import dev.digits.model.layers.Tensor;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a {@code .keras} file as Keras 3.9 does: an uncompressed zip of {@code metadata.json},
 * {@code config.json} and {@code model.weights.h5}, the weights at {@code layers/<path>/vars/<i>} (see {@link Keras3Paths}).
 * Two differences from Keras's own files, both forced by jHDF 0.13's writer: an extra one-byte array
 * {@value #END_MARKER} at the root (see {@link #weightsFile}), and {@code name} attributes that are
 * fixed-length rather than variable-length strings. Keras reads neither.
 */
public final class KerasArchiveWriter {
    /** The Keras version whose layout this writer follows (that of the original project's model). */
    public static final String KERAS_VERSION = "3.9.0";
    /** Names the end marker array (see {@link #weightsFile}); Keras reads only the paths it knows and ignores it. */
    static final String END_MARKER = "jhdf_end";

    private static final int MARKER_ATTEMPTS = 16;

    private KerasArchiveWriter() {}

    public static void write(KerasExporter.KerasModel model, Path target) throws IOException {
        byte[] weights = weightsFile(model, target);
        byte[] config = Json.write(model.config()).getBytes(StandardCharsets.UTF_8);
        String date = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd@HH:mm:ss"));
        byte[] metadata = Json.writeLine(Map.of("keras_version", KERAS_VERSION, "date_saved", date))
                .getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(target, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            stored(zip, KerasFile.METADATA, metadata);
            stored(zip, KerasFile.CONFIG, config);
            stored(zip, KerasFile.WEIGHTS, weights);
            zip.finish();
        });
    }

    /**
     * jHDF writes to a path only: a temporary file beside the target, read back, checked and removed.
     * jHDF 0.13 writes its signature at the end of the last array it wrote, over whatever object it wrote
     * after that array: the root {@code vars} group, which Keras requires, is then unreadable. A one-byte marker
     * array that jHDF writes last (its order is that of a hash map, so some names come last and others do not)
     * takes the signature harmlessly; the read-back check finds a name for which this holds.
     */
    private static byte[] weightsFile(KerasExporter.KerasModel model, Path target) throws IOException {
        List<KerasLayer> chain = KerasGraph.chain(model.config());
        Map<String, String> paths = Keras3Paths.of(chain);
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        List<String> failures = new ArrayList<>();
        for (int attempt = 0; attempt < MARKER_ATTEMPTS; attempt++) {
            String marker = attempt == 0 ? END_MARKER : END_MARKER + "_" + attempt;
            Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".h5.tmp");
            try {
                try (WritableHdfFile hdf = HdfFile.write(temp)) {
                    WritableGroup layers = hdf.putGroup("layers");
                    for (Map.Entry<String, List<Tensor>> layer : model.weights().entrySet()) {
                        WritableGroup vars =
                                layers.putGroup(paths.get(layer.getKey())).putGroup("vars");
                        vars.putAttribute("name", layer.getKey());
                        List<Tensor> arrays = layer.getValue();
                        for (int i = 0; i < arrays.size(); i++) {
                            vars.putDataset(String.valueOf(i), nested(arrays.get(i)));
                        }
                    }
                    hdf.putGroup("vars").putAttribute("name", KerasExporter.MODEL_NAME);
                    hdf.putDataset(marker, new byte[] {0});
                }
                byte[] bytes = Files.readAllBytes(temp);
                String problem = readBackProblem(bytes, model, chain);
                if (problem == null) {
                    return bytes;
                }
                failures.add(marker + ": " + problem);
            } finally {
                Files.deleteIfExists(temp);
            }
        }
        throw new IOException("jHDF wrote an unreadable weights file for " + target + ": " + failures);
    }

    /** What is wrong with the written weights as our own reader sees them, or null if they are exactly the model's. */
    private static String readBackProblem(byte[] bytes, KerasExporter.KerasModel model, List<KerasLayer> chain) {
        try (HdfFile hdf = HdfFile.fromBytes(bytes)) {
            if (!(hdf.getChild("vars") instanceof io.jhdf.api.Group root)
                    || !root.getChildren().isEmpty()) {
                return "the root vars group is missing or not empty";
            }
            KerasWeights weights = KerasWeights.keras3(hdf, "written weights", chain);
            for (KerasLayer layer : chain) {
                List<Tensor> expected = model.weights().get(layer.name());
                if (expected != null && !weights.of(layer).equals(expected)) {
                    return "the weights of layer '" + layer.name() + "' read back differently";
                }
            }
            return null;
        } catch (RuntimeException e) {
            return e.getMessage();
        }
    }

    /** jHDF takes the shape from a Java array's nesting: float[d0][d1]…. */
    static Object nested(Tensor tensor) {
        int[] dims = new int[tensor.rank()];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = Math.toIntExact(tensor.shape()[i]);
        }
        Object array = Array.newInstance(float.class, dims);
        fill(array, tensor.data(), 0, dims, 0);
        return array;
    }

    private static int fill(Object array, float[] data, int offset, int[] dims, int depth) {
        if (depth == dims.length - 1) {
            System.arraycopy(data, offset, array, 0, dims[depth]);
            return offset + dims[depth];
        }
        for (int i = 0; i < dims[depth]; i++) {
            offset = fill(Array.get(array, i), data, offset, dims, depth + 1);
        }
        return offset;
    }

    private static void stored(ZipOutputStream zip, String name, byte[] content) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(content.length);
        CRC32 crc = new CRC32();
        crc.update(content);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
    }
}
