package dev.digits.model;

import dev.digits.DigitsException;
import java.util.List;
import java.util.stream.Collectors;

/** Every architecture {@code --model} accepts. */
public final class Architectures {
    public static final String DEFAULT = "seed";
    private static final List<Architecture> ALL =
            List.of(new SeedCnn(), CompactCnn.compact(), CompactCnn.wide(), new StridedCnn());

    private Architectures() {}

    public static List<Architecture> all() {
        return ALL;
    }

    public static Architecture byName(String name) {
        return ALL.stream()
                .filter(a -> a.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new DigitsException("unknown model '" + name + "'; available: "
                        + ALL.stream().map(Architecture::name).collect(Collectors.joining(", "))));
    }
}
