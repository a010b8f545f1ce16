package dev.digits;

import dev.digits.data.DataCache;
import dev.digits.data.DatasetSpec;
import dev.digits.data.Mnist;
import java.nio.file.Files;
import java.nio.file.Path;

/** Real MNIST for tests, fetched through the real downloader into the usual cache (once per JVM). */
public final class TestData {
    private static Mnist.Splits mnist;

    private TestData() {}

    public static synchronized Mnist.Splits mnist() {
        if (mnist == null) {
            mnist = Mnist.load(new DataCache(DataCache.defaultDirectory()), DatasetSpec.MNIST);
        }
        return mnist;
    }

    /** A directory for files a person may want to look at after the run (target/test-artifacts). */
    public static Path artifacts() throws java.io.IOException {
        Path dir = Path.of(System.getProperty("digits.test.artifacts", "target/test-artifacts"));
        Files.createDirectories(dir);
        return dir;
    }
}
