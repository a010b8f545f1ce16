package dev.digits.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TorchEngineTest {
    @Test
    void aClassifierStartsTheEngineWithNnpackSwitchedOff() {
        try (Classifier classifier = Classifier.create(Architectures.byName("seed"), 1)) {
            Optional<Boolean> nnpack = TorchEngine.nnpackEnabled();
            if (!System.getProperty("os.name").startsWith("Linux")) {
                assumeTrue(nnpack.isPresent(), "libtorch's switch has another C++ name on this platform");
            }
            assertEquals(Optional.of(false), nnpack);
        }
    }
}
