package dev.digits.report;

import java.util.Arrays;
import java.util.Random;

/**
 * t-distributed stochastic neighbour embedding (van der Maaten and Hinton, 2008), exact: every pair of
 * points is visited in every iteration, O(n²) in time and memory, which suits the report's thousand
 * points and keeps the method readable.
 *
 * <p>Each point's neighbourhood in the input space is a Gaussian whose width gives it the requested
 * perplexity (about that many effective neighbours); the embedding places points so that a
 * heavy-tailed Student-t neighbourhood in two dimensions matches it, by gradient descent on the
 * Kullback-Leibler divergence. The first quarter of the iterations exaggerates the input affinities,
 * so that clusters form before they settle; steps use momentum and per-coordinate gains.
 *
 * @param perplexity effective number of neighbours per point; below the number of points
 * @param learningRate step size of the gradient descent
 * @param iterations gradient steps
 * @param seed draws the starting points: equal seeds give equal embeddings
 */
record Tsne(double perplexity, double learningRate, int iterations, long seed) {
    private static final int DIMENSIONS = 2;
    private static final double EXAGGERATION = 12;
    private static final double EARLY_MOMENTUM = 0.5;
    private static final double LATE_MOMENTUM = 0.8;
    private static final double MIN_GAIN = 0.01;
    /** Affinities are kept above this, so that no logarithm or division meets zero. */
    private static final double TINY = 1e-12;

    Tsne {
        if (!(perplexity >= 1) || !(learningRate > 0) || iterations < 1) {
            throw new IllegalArgumentException(
                    "t-SNE needs perplexity >= 1, a positive learning rate and iterations >= 1, got " + perplexity
                            + ", " + learningRate + ", " + iterations);
        }
    }

    /** Two coordinates for each row of {@code x}. */
    double[][] embed(double[][] x) {
        int n = x.length;
        if (n < 2) {
            return new double[n][DIMENSIONS];
        }
        double[][] p = jointAffinities(squaredDistances(x), Math.min(perplexity, n - 1));
        Random random = new Random(seed);
        double[][] y = new double[n][DIMENSIONS];
        for (double[] point : y) {
            for (int d = 0; d < DIMENSIONS; d++) {
                point[d] = 1e-4 * random.nextGaussian();
            }
        }
        double[][] step = new double[n][DIMENSIONS];
        double[][] gains = new double[n][DIMENSIONS];
        for (double[] g : gains) {
            Arrays.fill(g, 1);
        }
        int early = iterations / 4;
        double[][] gradient = new double[n][DIMENSIONS];
        double[][] kernel = new double[n][n];
        for (int iteration = 0; iteration < iterations; iteration++) {
            gradient(p, y, iteration < early ? EXAGGERATION : 1, kernel, gradient);
            double momentum = iteration < early ? EARLY_MOMENTUM : LATE_MOMENTUM;
            for (int i = 0; i < n; i++) {
                for (int d = 0; d < DIMENSIONS; d++) {
                    // A coordinate that keeps descending the same way (its last step against the gradient)
                    // speeds up; one that overshot slows down.
                    boolean steady = Math.signum(gradient[i][d]) != Math.signum(step[i][d]);
                    gains[i][d] = Math.max(MIN_GAIN, steady ? gains[i][d] + 0.2 : gains[i][d] * 0.8);
                    step[i][d] = momentum * step[i][d] - learningRate * gains[i][d] * gradient[i][d];
                    y[i][d] += step[i][d];
                }
            }
            centre(y);
        }
        return y;
    }

    /**
     * The gradient of the divergence: for each point, 4 Σ_j (exaggeration·p_ij − q_ij) k_ij (y_i − y_j),
     * with the Student-t kernel k_ij = 1 / (1 + |y_i − y_j|²) and q_ij = k_ij / Σ k.
     */
    private static void gradient(double[][] p, double[][] y, double exaggeration, double[][] kernel, double[][] out) {
        int n = y.length;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            kernel[i][i] = 0;
            for (int j = i + 1; j < n; j++) {
                double dx = y[i][0] - y[j][0];
                double dy = y[i][1] - y[j][1];
                double k = 1 / (1 + dx * dx + dy * dy);
                kernel[i][j] = k;
                kernel[j][i] = k;
                sum += 2 * k;
            }
        }
        for (int i = 0; i < n; i++) {
            double gx = 0;
            double gy = 0;
            for (int j = 0; j < n; j++) {
                double k = kernel[i][j];
                double force = (exaggeration * p[i][j] - Math.max(k / sum, TINY)) * k;
                gx += force * (y[i][0] - y[j][0]);
                gy += force * (y[i][1] - y[j][1]);
            }
            out[i][0] = 4 * gx;
            out[i][1] = 4 * gy;
        }
    }

    private static void centre(double[][] y) {
        for (int d = 0; d < DIMENSIONS; d++) {
            double mean = 0;
            for (double[] point : y) {
                mean += point[d];
            }
            mean /= y.length;
            for (double[] point : y) {
                point[d] -= mean;
            }
        }
    }

    static double[][] squaredDistances(double[][] x) {
        int n = x.length;
        double[][] distances = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double sum = 0;
                for (int k = 0; k < x[i].length; k++) {
                    double d = x[i][k] - x[j][k];
                    sum += d * d;
                }
                distances[i][j] = sum;
                distances[j][i] = sum;
            }
        }
        return distances;
    }

    /** Symmetric input affinities p_ij = (p_j|i + p_i|j) / 2n, which sum to 1. */
    static double[][] jointAffinities(double[][] squaredDistances, double perplexity) {
        int n = squaredDistances.length;
        double[][] conditional = new double[n][];
        for (int i = 0; i < n; i++) {
            conditional[i] = neighbourhood(squaredDistances[i], i, perplexity);
        }
        double[][] joint = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                joint[i][j] = i == j ? 0 : Math.max((conditional[i][j] + conditional[j][i]) / (2 * n), TINY);
            }
        }
        return joint;
    }

    /**
     * The conditional probabilities p_j|i ∝ exp(−β·d_ij) of point {@code i}'s neighbours, with the
     * precision β found by bisection so that their entropy is ln(perplexity).
     */
    static double[] neighbourhood(double[] squaredDistances, int i, double perplexity) {
        double target = Math.log(perplexity);
        double beta = 1;
        double low = 0;
        double high = Double.POSITIVE_INFINITY;
        double[] p = new double[squaredDistances.length];
        for (int attempt = 0; attempt < 100; attempt++) {
            double entropy = probabilities(squaredDistances, i, beta, p);
            if (Math.abs(entropy - target) < 1e-5) {
                break;
            }
            if (entropy > target) { // too many neighbours: narrow the Gaussian
                low = beta;
                beta = Double.isInfinite(high) ? beta * 2 : (beta + high) / 2;
            } else {
                high = beta;
                beta = (beta + low) / 2;
            }
        }
        return p;
    }

    /** Fills {@code p} with the normalised Gaussian affinities of point {@code i} at precision {@code beta}; returns their entropy. */
    private static double probabilities(double[] squaredDistances, int i, double beta, double[] p) {
        // Distances are taken relative to the nearest neighbour, so that exp does not underflow to all zeros.
        double nearest = Double.POSITIVE_INFINITY;
        for (int j = 0; j < p.length; j++) {
            if (j != i) {
                nearest = Math.min(nearest, squaredDistances[j]);
            }
        }
        double sum = 0;
        for (int j = 0; j < p.length; j++) {
            p[j] = j == i ? 0 : Math.exp(-beta * (squaredDistances[j] - nearest));
            sum += p[j];
        }
        double entropy = 0;
        for (int j = 0; j < p.length; j++) {
            p[j] /= sum;
            if (p[j] > 0) {
                entropy -= p[j] * Math.log(p[j]);
            }
        }
        return entropy;
    }
}
