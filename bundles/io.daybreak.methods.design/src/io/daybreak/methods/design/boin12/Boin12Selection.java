package io.daybreak.methods.design.boin12;

import org.apache.commons.statistics.distribution.BinomialDistribution;

import io.daybreak.stats.isotonic.IsotonicRegression;
import io.daybreak.stats.isotonic.UnimodalRegression;

/**
 * BOIN12's final choice of the optimal biological dose, as the authors' {@code get.oc.obd}: toxicity by
 * isotonic regression of (y_T + 0.05)/(n + 0.1) with weights n + 0.1, plus 0.001·j; efficacy by unimodal
 * isotonic regression of (y_E + 0.05)/(n + 0.1) with weights n + 0.5, averaged over the position of the mode
 * with weights proportional to each fit's binomial likelihood, plus 0.01·j (j = 1 … J). The MTD is the dose
 * whose toxicity estimate is closest to the target; the OBD is the dose up to the MTD with the highest
 * estimated utility, among doses tried and not eliminated. (The authors' code, when no dose up to the MTD
 * qualifies, returns dose 1 by R's {@code which.max}; here no dose is selected.)
 *
 * <p>The unimodal fit is the exact weighted least-squares one; the R package Iso's {@code ufit}, which the
 * authors' code calls, mishandles weights for interior modes in old versions and fits a monotone curve in
 * new ones (docs/validation.md).
 */
final class Boin12Selection {
    private Boin12Selection() {
    }

    static int optimalDose(Boin12Rules rules, int[] patients, int[] toxicities, int[] responses, boolean[] eliminated) {
        double[] utility = estimatedUtilities(rules, patients, toxicities, responses, eliminated);
        double[] toxicity = toxicityEstimates(patients, toxicities);
        int mtd = 0;
        for (int j = 1; j < toxicity.length; j++) {
            if (Math.abs(toxicity[j] - rules.toxicityTarget()) < Math.abs(toxicity[mtd] - rules.toxicityTarget())) {
                mtd = j;
            }
        }
        int obd = -1;
        for (int j = 0; j <= mtd; j++) {
            if (!eliminated[j] && patients[j] > 0 && (obd < 0 || utility[j] > utility[obd])) {
                obd = j;
            }
        }
        return obd;
    }

    /** The isotonic toxicity estimates, with the 0.001·j tie-breaking slope. */
    static double[] toxicityEstimates(int[] patients, int[] toxicities) {
        int k = patients.length;
        double[] raw = new double[k];
        double[] weight = new double[k];
        for (int j = 0; j < k; j++) {
            raw[j] = (toxicities[j] + 0.05) / (patients[j] + 0.1);
            weight[j] = patients[j] + 0.1;
        }
        double[] fitted = IsotonicRegression.fit(raw, weight);
        for (int j = 0; j < k; j++) {
            fitted[j] += 0.001 * (j + 1);
        }
        return fitted;
    }

    /** The model-averaged unimodal efficacy estimates, with the 0.01·j slope. */
    static double[] efficacyEstimates(int[] patients, int[] responses) {
        int k = patients.length;
        double[] raw = new double[k];
        double[] weight = new double[k];
        for (int j = 0; j < k; j++) {
            raw[j] = (responses[j] + 0.05) / (patients[j] + 0.1);
            weight[j] = patients[j] + 0.5;
        }
        // Each mode's weight is its fit's binomial likelihood, normalised; in logs so large trials do not underflow.
        double[][] fits = new double[k][];
        double[] logLikelihood = new double[k];
        double max = Double.NEGATIVE_INFINITY;
        for (int mode = 0; mode < k; mode++) {
            fits[mode] = UnimodalRegression.fit(raw, weight, mode);
            for (int j = 0; j < k; j++) {
                if (patients[j] > 0) {
                    logLikelihood[mode] += BinomialDistribution.of(patients[j], fits[mode][j])
                            .logProbability(responses[j]);
                }
            }
            max = Math.max(max, logLikelihood[mode]);
        }
        double total = 0;
        double[] modeWeight = new double[k];
        for (int mode = 0; mode < k; mode++) {
            modeWeight[mode] = Math.exp(logLikelihood[mode] - max);
            total += modeWeight[mode];
        }
        double[] averaged = new double[k];
        for (int mode = 0; mode < k; mode++) {
            for (int j = 0; j < k; j++) {
                averaged[j] += modeWeight[mode] / total * fits[mode][j];
            }
        }
        for (int j = 0; j < k; j++) {
            averaged[j] += 0.01 * (j + 1);
        }
        return averaged;
    }

    /** Estimated utility per dose; −100 for doses eliminated or untried. */
    static double[] estimatedUtilities(Boin12Rules rules, int[] patients, int[] toxicities, int[] responses,
            boolean[] eliminated) {
        double[] toxicity = toxicityEstimates(patients, toxicities);
        double[] efficacy = efficacyEstimates(patients, responses);
        double[] utility = new double[patients.length];
        for (int j = 0; j < utility.length; j++) {
            utility[j] = eliminated[j] || patients[j] == 0 ? -100 : rules.utility(efficacy[j], toxicity[j]);
        }
        return utility;
    }
}
