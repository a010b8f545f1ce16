package dev.digits.cli;

import dev.digits.data.DataCache;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --data-dir}, shared by every command that reads a data set. */
final class DataOptions {
    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where data sets are cached (default: $" + DataCache.DIRECTORY_VARIABLE + " or ~/.cache/digits).")
    Path dataDir;

    DataCache cache() {
        return new DataCache(dataDir != null ? dataDir : DataCache.defaultDirectory());
    }
}
