package io.daybreak.methods.design.optimisation;

import java.util.Arrays;

import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.distribution.BinomialDistribution;

/**
 * The randomised stage's decision rules for n patients per arm, tabulated once (so that they can be printed in a
 * protocol and a simulated trial's decision is a look-up). Arm j with x_j toxicities and y_j responses of n is
 * admissible when x_j ≤ {@link #maxToxicities()} (P(p_j &gt; φ_T | x_j) ≤ c_T) and y_j ≥ {@link #minResponses()}
 * (P(q_j &lt; φ_E | y_j) ≤ c_E), each under a Beta(1, 1) prior. Among admissible arms the rule selects:
 * <ul>
 * <li>non-inferiority: with r the highest admissible arm, the lowest admissible j &lt; r with y_r − y_j &lt; λn
 * (that is y_r − y_j ≤ {@link #maxDeficit()}), else r;</li>
 * <li>utility: the admissible arm with the highest posterior mean utility 100·E[q](1 − E[p]) + u_B·E[q]E[p] +
 * u_N·(1 − E[q])(1 − E[p]) with E[q] = (y + 1)/(n + 2), E[p] = (x + 1)/(n + 2) (toxicity and response independent a
 * posteriori); ties to the lower dose.</li>
 * </ul>
 * No admissible arm: no dose. {@link #probabilities} computes the selection probabilities exactly from the
 * binomial distributions (toxicity and response independent given the dose), without enumerating joint outcomes:
 * both rules factor over arms given the reference arm (non-inferiority) or the winning utility (utility).
 * Immutable and thread-safe.
 */
final class ArmRules {
    private final SelectionCriteria criteria;
    private final int n;
    private final int maxToxicities;
    private final int minResponses;
    private final int maxDeficit;
    private final double[][] utility;

    ArmRules(SelectionCriteria criteria, int n) {
        this.criteria = criteria;
        this.n = n;
        int maxTox = -1;
        for (int x = 0; x <= n; x++) {
            if (1 - BetaDistribution.of(1 + x, 1 + n - x).cumulativeProbability(criteria.toxicityLimit())
                    <= criteria.toxicityCutoff()) {
                maxTox = x;
            }
        }
        int minResp = n + 1;
        for (int y = n; y >= 0; y--) {
            if (BetaDistribution.of(1 + y, 1 + n - y).cumulativeProbability(criteria.minEfficacy())
                    <= criteria.efficacyCutoff()) {
                minResp = y;
            }
        }
        this.maxToxicities = maxTox;
        this.minResponses = minResp;
        this.maxDeficit = (int) Math.ceil(criteria.lambda() * n - 1e-9) - 1;
        this.utility = new double[n + 1][n + 1];
        for (int x = 0; x <= n; x++) {
            for (int y = 0; y <= n; y++) {
                utility[x][y] = criteria.utility((y + 1.0) / (n + 2), (x + 1.0) / (n + 2));
            }
        }
    }

    int patients() {
        return n;
    }

    /** The most toxicities of n at which an arm is still admissible (−1: none). */
    int maxToxicities() {
        return maxToxicities;
    }

    /** The fewest responses of n at which an arm is admissible (n + 1: none). */
    int minResponses() {
        return minResponses;
    }

    /** Non-inferiority: a lower arm qualifies when its responses are at most this many below the reference's. */
    int maxDeficit() {
        return maxDeficit;
    }

    /** Posterior mean utility of an arm with x toxicities and y responses of n. */
    double utility(int x, int y) {
        return utility[x][y];
    }

    boolean admissible(int x, int y) {
        return x <= maxToxicities && y >= minResponses;
    }

    /** The selected arm (0-based, lowest dose first) or −1, from toxicities and responses per arm. */
    int select(int[] toxicities, int[] responses, int arms) {
        if (criteria.rule() == SelectionRule.NON_INFERIORITY) {
            int reference = -1;
            for (int j = arms - 1; j >= 0 && reference < 0; j--) {
                reference = admissible(toxicities[j], responses[j]) ? j : -1;
            }
            for (int j = 0; j < reference; j++) {
                if (admissible(toxicities[j], responses[j]) && responses[reference] - responses[j] <= maxDeficit) {
                    return j;
                }
            }
            return reference;
        }
        int best = -1;
        for (int j = 0; j < arms; j++) {
            if (admissible(toxicities[j], responses[j])
                    && (best < 0 || utility[toxicities[j]][responses[j]] > utility[toxicities[best]][responses[best]])) {
                best = j;
            }
        }
        return best;
    }

    /**
     * Exact selection probabilities for true toxicity p and response q per arm: element j for arm j, the last
     * element for no selection.
     */
    double[] probabilities(double[] p, double[] q) {
        int arms = p.length;
        double[][] tox = new double[arms][];
        double[][] resp = new double[arms][];
        double[] toxOk = new double[arms];
        double[] admissible = new double[arms];
        for (int j = 0; j < arms; j++) {
            tox[j] = pmf(n, p[j]);
            resp[j] = pmf(n, q[j]);
            for (int x = 0; x <= maxToxicities; x++) {
                toxOk[j] += tox[j][x];
            }
            double respOk = 0;
            for (int y = minResponses; y <= n; y++) {
                respOk += resp[j][y];
            }
            admissible[j] = toxOk[j] * respOk;
        }
        return criteria.rule() == SelectionRule.NON_INFERIORITY ? nonInferiority(resp, toxOk, admissible)
                : byUtility(tox, resp, admissible);
    }

    private double[] nonInferiority(double[][] resp, double[] toxOk, double[] admissible) {
        int arms = resp.length;
        double[] result = new double[arms + 1];
        double noneAbove = 1; // P(every arm above the reference is inadmissible)
        for (int r = arms - 1; r >= 0; r--) {
            for (int yr = minResponses; yr <= n; yr++) {
                double weight = noneAbove * toxOk[r] * resp[r][yr];
                double noneBelow = 1; // P(no lower arm so far qualifies)
                for (int j = 0; j < r; j++) {
                    double qualifies = 0;
                    for (int y = Math.max(minResponses, yr - maxDeficit); y <= n; y++) {
                        qualifies += resp[j][y];
                    }
                    qualifies *= toxOk[j];
                    result[j] += weight * noneBelow * qualifies;
                    noneBelow *= 1 - qualifies;
                }
                result[r] += weight * noneBelow;
            }
            noneAbove *= 1 - admissible[r];
        }
        result[arms] = noneAbove;
        return result;
    }

    private double[] byUtility(double[][] tox, double[][] resp, double[] admissible) {
        int arms = tox.length;
        // Per arm: the admissible outcomes' utilities, sorted, with their cumulative probabilities.
        double[][] values = new double[arms][];
        double[][] cumulative = new double[arms][];
        double[][] masses = new double[arms][];
        for (int j = 0; j < arms; j++) {
            int size = Math.max(0, maxToxicities + 1) * Math.max(0, n + 1 - minResponses);
            double[][] pairs = new double[size][];
            int i = 0;
            for (int x = 0; x <= maxToxicities; x++) {
                for (int y = minResponses; y <= n; y++) {
                    pairs[i++] = new double[] {utility[x][y], tox[j][x] * resp[j][y]};
                }
            }
            Arrays.sort(pairs, (a, b) -> Double.compare(a[0], b[0]));
            values[j] = new double[size];
            masses[j] = new double[size];
            cumulative[j] = new double[size + 1];
            for (i = 0; i < size; i++) {
                values[j][i] = pairs[i][0];
                masses[j][i] = pairs[i][1];
                cumulative[j][i + 1] = cumulative[j][i] + pairs[i][1];
            }
        }
        double[] result = new double[arms + 1];
        double none = 1;
        for (int j = 0; j < arms; j++) {
            none *= 1 - admissible[j];
            for (int i = 0; i < values[j].length; i++) {
                double u = values[j][i];
                double others = 1;
                for (int k = 0; k < arms && others > 0; k++) {
                    if (k != j) {
                        // lower arms must be strictly below u (ties go to the lower dose); higher arms at most u
                        int below = k < j ? lowerBound(values[k], u) : upperBound(values[k], u);
                        others *= 1 - admissible[k] + cumulative[k][below];
                    }
                }
                result[j] += masses[j][i] * others;
            }
        }
        result[arms] = none;
        return result;
    }

    /** The number of values strictly below u. */
    private static int lowerBound(double[] sorted, double u) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The number of values at most u. */
    private static int upperBound(double[] sorted, double u) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    static double[] pmf(int n, double p) {
        BinomialDistribution binomial = BinomialDistribution.of(n, p);
        double[] pmf = new double[n + 1];
        for (int k = 0; k <= n; k++) {
            pmf[k] = binomial.probability(k);
        }
        return pmf;
    }
}
