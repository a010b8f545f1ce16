package dev.digits.model;

import dev.digits.DigitsException;
import dev.digits.model.layers.LayerStack;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Every architecture {@code train --arch} accepts, and the architecture of any stored model. */
public final class Architectures {
    public static final String DEFAULT = "seed";
    private static final List<Network> ALL = List.of(
            SeedCnn.network(), CompactCnn.compact(), CompactCnn.wide(), StridedCnn.network(), QuickCnn.network());

    private Architectures() {}

    /** The networks this library trains. */
    public static List<Network> all() {
        return ALL;
    }

    public static Network byName(String name) {
        return ALL.stream()
                .filter(a -> a.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new DigitsException("unknown architecture '" + name + "'; available: "
                        + ALL.stream().map(Network::name).collect(Collectors.joining(", "))));
    }

    /** The architecture of the model in {@code directory}, whose card names it {@code name}. */
    static Architecture stored(Path directory, String name) {
        return switch (name) {
            case Network.LAYERS -> Network.imported(LayerStack.read(directory));
            case TorchScriptNetwork.NAME -> new TorchScriptNetwork(directory.resolve(TorchScriptNetwork.FILE));
            case Ensemble.NAME -> Ensemble.read(directory);
            default -> byName(name);
        };
    }
}
