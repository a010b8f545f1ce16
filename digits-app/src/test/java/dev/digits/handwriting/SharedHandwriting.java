package dev.digits.handwriting;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.digits.data.DataCache;
import java.nio.file.Files;
import java.nio.file.Path;

/** The real handwriting in shared/data beside the repository; tests that need it skip where it is absent. */
final class SharedHandwriting {
    static final Path ROOT = Path.of(RealHandwriting.DEFAULT_DIRECTORY);

    private SharedHandwriting() {}

    static RealHandwriting require() {
        assumeTrue(
                Files.isDirectory(ROOT.resolve("pendigits"))
                        && Files.isDirectory(ROOT.resolve("usps"))
                        && Files.isDirectory(ROOT.resolve("optdigits")),
                "skipped: the real handwriting (shared/data beside the repository) is absent");
        return new RealHandwriting(new DataCache(DataCache.defaultDirectory()), ROOT);
    }
}
