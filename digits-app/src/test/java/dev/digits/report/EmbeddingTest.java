package dev.digits.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class EmbeddingTest {
    /** Two classes far apart along one direction of a 16-dimensional space, with a little noise elsewhere. */
    private static float[][] twoClusters(int n, Random random) {
        float[][] x = new float[n][16];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 16; j++) {
                x[i][j] = (float) (0.1 * random.nextGaussian());
            }
            x[i][3] += i % 2 == 0 ? 5 : -5;
        }
        return x;
    }

    @Test
    void pcaFindsTheDirectionThatSeparatesTheClusters() {
        float[][] x = twoClusters(200, new Random(1));
        Embedding.Projection pca = Embedding.pca(x);
        assertTrue(pca.explained() > 0.95, "two components keep nearly all the variance: " + pca.explained());
        for (int i = 0; i < x.length; i++) {
            assertEquals(
                    Math.signum(pca.points()[0][0]) * (i % 2 == 0 ? 1 : -1),
                    Math.signum(pca.points()[i][0]),
                    "the first component tells the clusters apart");
        }
    }

    @Test
    void tsneKeepsTheClustersApart() {
        float[][] x = twoClusters(120, new Random(2));
        double[][] points = Embedding.tsne(x, 7).points();
        double within = 0;
        double between = 0;
        for (int i = 2; i < x.length; i++) {
            within += distance(points[i], points[i % 2]);
            between += distance(points[i], points[1 - i % 2]);
        }
        assertTrue(
                between > 2 * within, "points lie nearer their own cluster: within " + within + ", between " + between);
    }

    private static double distance(double[] a, double[] b) {
        return Math.hypot(a[0] - b[0], a[1] - b[1]);
    }
}
