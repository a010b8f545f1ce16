package dev.digits.cli;

import dev.digits.data.DataCache;
import dev.digits.handwriting.RealHandwriting;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --data-dir} and {@code --handwriting-dir}, shared by every command that reads a data set. */
final class DataOptions {
    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description =
                    "Where data sets are cached (default: $" + DataCache.DIRECTORY_VARIABLE + " or ~/.cache/digits).")
    Path dataDir;

    @Option(
            names = "--handwriting-dir",
            paramLabel = "DIR",
            description =
                    "Real handwriting: the fallback for the UCI and USPS files when their official hosts cannot be "
                            + "reached, and the folders of photos and drawings (real/single, drawings-david, real/numbers) "
                            + "(default: $" + RealHandwriting.DIRECTORY_VARIABLE + " or "
                            + RealHandwriting.DEFAULT_DIRECTORY + ").")
    Path handwritingDir;

    DataCache cache() {
        return new DataCache(dataDir != null ? dataDir : DataCache.defaultDirectory());
    }

    RealHandwriting handwriting() {
        return new RealHandwriting(
                cache(), handwritingDir != null ? handwritingDir : RealHandwriting.defaultDirectory());
    }
}
