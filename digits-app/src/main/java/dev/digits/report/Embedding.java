package dev.digits.report;

import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.stat.correlation.Covariance;

/** Two-dimensional views of high-dimensional activations: PCA (linear) and t-SNE (neighbourhoods). */
final class Embedding {
    /** @param explained the share of the variance the two components keep (PCA only) */
    record Projection(double[][] points, double explained) {}

    private static final double PERPLEXITY = 30;
    private static final double LEARNING_RATE = 200;
    /** Enough for the clusters of a thousand points to settle. */
    private static final int TSNE_ITERATIONS = 500;

    private Embedding() {}

    static Projection pca(float[][] features) {
        double[][] x = toDouble(features);
        RealMatrix covariance = new Covariance(x, false).getCovarianceMatrix();
        EigenDecomposition eigen = new EigenDecomposition(covariance);
        double[] values = eigen.getRealEigenvalues();
        int first = largest(values, -1);
        int second = largest(values, first);
        double[] u = eigen.getEigenvector(first).toArray();
        double[] v = eigen.getEigenvector(second).toArray();
        double[] mean = new double[x[0].length];
        for (double[] row : x) {
            for (int j = 0; j < mean.length; j++) {
                mean[j] += row[j] / x.length;
            }
        }
        double[][] points = new double[x.length][2];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < mean.length; j++) {
                double centred = x[i][j] - mean[j];
                points[i][0] += centred * u[j];
                points[i][1] += centred * v[j];
            }
        }
        double total = 0;
        for (double value : values) {
            total += Math.max(0, value);
        }
        return new Projection(points, total == 0 ? 0 : (values[first] + values[second]) / total);
    }

    static Projection tsne(float[][] features, long seed) {
        return new Projection(
                new Tsne(PERPLEXITY, LEARNING_RATE, TSNE_ITERATIONS, seed).embed(toDouble(features)), Double.NaN);
    }

    private static int largest(double[] values, int excluded) {
        int best = -1;
        for (int i = 0; i < values.length; i++) {
            if (i != excluded && (best < 0 || values[i] > values[best])) {
                best = i;
            }
        }
        return best;
    }

    private static double[][] toDouble(float[][] features) {
        double[][] x = new double[features.length][];
        for (int i = 0; i < features.length; i++) {
            x[i] = new double[features[i].length];
            for (int j = 0; j < features[i].length; j++) {
                x[i][j] = features[i][j];
            }
        }
        return x;
    }
}
