package org.salesbench.opportunities.winprobability.internal;

/**
 * L2-regularised logistic regression fitted by Newton's method (iteratively reweighted least
 * squares). Written here rather than taken from a library: it is a few dozen lines for the few
 * dozen features we have, and the libraries that have it are either far larger than the need
 * (Tribuo, Smile) or no longer released (Commons Math 4).
 */
final class LogisticRegression {

    private static final int MAX_ITERATIONS = 50;
    private static final double TOLERANCE = 1e-8;

    private LogisticRegression() {
    }

    /**
     * Fits weights for rows {@code x} of {@code d} columns (column 0 is the intercept, always 1) and
     * outcomes {@code y}; without rows every weight is 0, a probability of 50 %.
     *
     * @param lambda the L2 penalty on every weight but the intercept; keeps one-hot groups and rare
     *               categories from running off to infinity
     */
    static double[] fit(double[][] x, boolean[] y, int d, double lambda) {
        double[] w = new double[d];
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] gradient = new double[d];
            double[][] hessian = new double[d][d];
            for (int i = 0; i < x.length; i++) {
                double[] row = x[i];
                double p = sigmoid(dot(w, row));
                double residual = p - (y[i] ? 1 : 0);
                double weight = Math.max(p * (1 - p), 1e-10);
                for (int a = 0; a < d; a++) {
                    if (row[a] == 0) {
                        continue;
                    }
                    gradient[a] += residual * row[a];
                    double wa = weight * row[a];
                    for (int b = 0; b <= a; b++) {
                        hessian[a][b] += wa * row[b];
                    }
                }
            }
            for (int a = 1; a < d; a++) {
                gradient[a] += lambda * w[a];
                hessian[a][a] += lambda;
            }
            hessian[0][0] += 1e-9; // an empty or one-sided training set must not make it singular
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < a; b++) {
                    hessian[b][a] = hessian[a][b];
                }
            }
            double[] step = solveSymmetricPositive(hessian, gradient);
            double change = 0;
            for (int a = 0; a < d; a++) {
                w[a] -= step[a];
                change = Math.max(change, Math.abs(step[a]));
            }
            if (change < TOLERANCE) {
                break;
            }
        }
        return w;
    }

    static double sigmoid(double z) {
        if (z >= 0) {
            return 1 / (1 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1 + e);
    }

    static double dot(double[] w, double[] x) {
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            sum += w[i] * x[i];
        }
        return sum;
    }

    /** Solves {@code a · s = b} by Cholesky decomposition; {@code a} is symmetric positive definite. */
    static double[] solveSymmetricPositive(double[][] a, double[] b) {
        int n = b.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = a[i][j];
                for (int k = 0; k < j; k++) {
                    sum -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    l[i][i] = Math.sqrt(Math.max(sum, 1e-12));
                } else {
                    l[i][j] = sum / l[j][j];
                }
            }
        }
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = b[i];
            for (int k = 0; k < i; k++) {
                sum -= l[i][k] * z[k];
            }
            z[i] = sum / l[i][i];
        }
        double[] s = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double sum = z[i];
            for (int k = i + 1; k < n; k++) {
                sum -= l[k][i] * s[k];
            }
            s[i] = sum / l[i][i];
        }
        return s;
    }
}
