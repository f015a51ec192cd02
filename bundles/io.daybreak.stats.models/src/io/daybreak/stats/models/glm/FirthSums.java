package io.daybreak.stats.models.glm;

/**
 * What a site releases in one iteration of Firth-penalised logistic regression. First, at β: the information
 * X'WX and the log-likelihood. Then, given the inverse of the summed information (the same for every site):
 * the modified score X'(y − p + h(½ − p)), where h_i = w_i x_i'I⁻¹x_i is the leverage (Firth 1993; Heinze &amp;
 * Schemper 2002). All three add across sites, and the pooled leverages need only the pooled I⁻¹, so the
 * federated fit equals the pooled one.
 */
public final class FirthSums {
    private FirthSums() {
    }

    /** Information X'WX at β (element [p][0] of the returned array holds the log-likelihood). */
    public static double[][] information(double[][] x, double[] y, double[] beta) {
        int p = beta.length;
        double[][] info = new double[p + 1][p];
        double logLikelihood = 0;
        for (int i = 0; i < y.length; i++) {
            double eta = dot(x[i], beta);
            double prob = 1 / (1 + Math.exp(-eta));
            double w = prob * (1 - prob);
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    info[a][b] += w * x[i][a] * x[i][b];
                }
            }
            // log p = -log(1 + e^-eta), log(1 - p) = -log(1 + e^eta), without cancellation
            logLikelihood -= y[i] == 1 ? log1pExp(-eta) : log1pExp(eta);
        }
        info[p][0] = logLikelihood;
        return info;
    }

    /** The modified score at β given the inverse of the pooled information. */
    public static double[] modifiedScore(double[][] x, double[] y, double[] beta, double[][] inverseInformation) {
        int p = beta.length;
        double[] score = new double[p];
        for (int i = 0; i < y.length; i++) {
            double prob = 1 / (1 + Math.exp(-dot(x[i], beta)));
            double w = prob * (1 - prob);
            double leverage = 0;
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    leverage += x[i][a] * inverseInformation[a][b] * x[i][b];
                }
            }
            leverage *= w;
            double residual = y[i] - prob + leverage * (0.5 - prob);
            for (int a = 0; a < p; a++) {
                score[a] += x[i][a] * residual;
            }
        }
        return score;
    }

    public static double dot(double[] x, double[] beta) {
        double eta = 0;
        for (int a = 0; a < beta.length; a++) {
            eta += x[a] * beta[a];
        }
        return eta;
    }

    private static double log1pExp(double x) {
        return x > 35 ? x : Math.log1p(Math.exp(x));
    }
}
