package dev.digits.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TsneTest {
    /** {@code clusters} Gaussian clusters of {@code size} points in 50 dimensions, centres 10 apart, spread 1. */
    private static double[][] clusters(int clusters, int size, Random random) {
        double[][] centres = new double[clusters][50];
        for (double[] centre : centres) {
            for (int d = 0; d < centre.length; d++) {
                centre[d] = 10 * random.nextGaussian() / Math.sqrt(2);
            }
        }
        double[][] x = new double[clusters * size][50];
        for (int i = 0; i < x.length; i++) {
            for (int d = 0; d < 50; d++) {
                x[i][d] = centres[i % clusters][d] + random.nextGaussian() / Math.sqrt(50);
            }
        }
        return x;
    }

    @Test
    void eachNeighbourhoodHasTheRequestedPerplexity() {
        double[][] distances = Tsne.squaredDistances(clusters(3, 40, new Random(1)));
        for (double perplexity : new double[] {5, 30}) {
            for (int i = 0; i < distances.length; i += 17) {
                double[] p = Tsne.neighbourhood(distances[i], i, perplexity);
                assertEquals(0, p[i]);
                assertEquals(1, Arrays.stream(p).sum(), 1e-9);
                double entropy = -Arrays.stream(p)
                        .filter(v -> v > 0)
                        .map(v -> v * Math.log(v))
                        .sum();
                assertEquals(perplexity, Math.exp(entropy), 1e-3 * perplexity, "point " + i);
            }
        }
    }

    @Test
    void jointAffinitiesAreSymmetricAndSumToOne() {
        double[][] p = Tsne.jointAffinities(Tsne.squaredDistances(clusters(2, 30, new Random(2))), 10);
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            for (int j = 0; j < p.length; j++) {
                assertEquals(p[i][j], p[j][i], 1e-15);
                sum += p[i][j];
            }
        }
        assertEquals(1, sum, 1e-6);
    }

    @Test
    void nearestNeighboursInTheEmbeddingComeFromTheSameCluster() {
        int clusters = 10;
        double[][] x = clusters(clusters, 30, new Random(3));
        double[][] y = new Tsne(30, 200, 500, 7).embed(x);
        int same = 0;
        int total = 0;
        for (int i = 0; i < y.length; i++) {
            int point = i;
            int[] nearest = IntStream.range(0, y.length)
                    .filter(j -> j != point)
                    .boxed()
                    .sorted(Comparator.comparingDouble(j -> Math.hypot(y[point][0] - y[j][0], y[point][1] - y[j][1])))
                    .limit(10)
                    .mapToInt(Integer::intValue)
                    .toArray();
            for (int j : nearest) {
                same += j % clusters == i % clusters ? 1 : 0;
                total++;
            }
        }
        assertTrue(
                same >= 0.98 * total, "10 nearest neighbours in 2-D from the same cluster: " + same + " of " + total);
    }

    @Test
    void equalSeedsGiveEqualEmbeddings() {
        double[][] x = clusters(3, 20, new Random(4));
        double[][] a = new Tsne(10, 200, 100, 1).embed(x);
        double[][] b = new Tsne(10, 200, 100, 1).embed(x);
        double[][] c = new Tsne(10, 200, 100, 2).embed(x);
        for (int i = 0; i < a.length; i++) {
            assertArrayEquals(a[i], b[i]);
        }
        assertFalse(Arrays.equals(a[0], c[0]), "another seed starts elsewhere");
    }

    @Test
    void settingsThatCannotWorkAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Tsne(0.5, 200, 100, 1));
        assertThrows(IllegalArgumentException.class, () -> new Tsne(30, 0, 100, 1));
        assertThrows(IllegalArgumentException.class, () -> new Tsne(30, 200, 0, 1));
    }
}
