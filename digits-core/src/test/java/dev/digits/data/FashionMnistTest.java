package dev.digits.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fashion-MNIST through the cache, from the directory Debian's dataset-fashion-mnist installs. */
class FashionMnistTest {
    @TempDir
    Path cache;

    @Test
    void loadsFromTheDebianPackageIntoAFreshCache() {
        Path debian = Path.of(DatasetSpec.FASHION.localDirectories().get(0));
        Assumptions.assumeTrue(
                Files.isDirectory(debian),
                "needs Debian's dataset-fashion-mnist (" + debian + "); .ci/run installs it");
        Mnist.Splits fashion = Mnist.load(new DataCache(cache, DataCache::defaultSources), DatasetSpec.FASHION);
        assertEquals(60_000, fashion.train().size());
        assertEquals(10_000, fashion.test().size());
        int[] thousandEach = new int[10];
        java.util.Arrays.fill(thousandEach, 1000);
        assertArrayEquals(thousandEach, fashion.test().classCounts(), "Fashion-MNIST's test set is balanced");
        assertEquals(
                "Ankle boot",
                DatasetSpec.FASHION.classNames().get(fashion.test().label(0)),
                "its first test image is an ankle boot");
        assertEquals(
                DataCache.State.VERIFIED,
                new DataCache(cache).status(DatasetSpec.FASHION).get(0).state());
    }
}
