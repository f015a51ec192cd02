package io.daybreak.stats.signal.efficacy;

import org.apache.commons.statistics.distribution.BetaDistribution;

/**
 * The objective response rate of one group (dose or cohort): r responses in n patients, the exact
 * Clopper–Pearson interval (as R's {@code binom.test(r, n)$conf.int}: Beta quantiles qbeta(α/2, r, n − r + 1) and
 * qbeta(1 − α/2, r + 1, n − r), 0 when r = 0 and 1 when r = n) and the conjugate posterior Beta(a + r, b + n − r):
 * its mean, equal-tailed credible interval and P(ORR &gt; target).
 *
 * @param patients n &ge; 1
 * @param responses r, 0 &le; r &le; n
 * @param orr r / n
 * @param cpLower lower Clopper–Pearson limit
 * @param cpUpper upper Clopper–Pearson limit
 * @param posteriorMean (a + r) / (a + b + n)
 * @param posteriorLower lower limit of the equal-tailed credible interval
 * @param posteriorUpper upper limit of the equal-tailed credible interval
 * @param probabilityAboveTarget P(ORR &gt; target | r, n)
 */
public record ResponseRate(long patients, long responses, double orr, double cpLower, double cpUpper,
        double posteriorMean, double posteriorLower, double posteriorUpper, double probabilityAboveTarget) {

    /**
     * @param responses r
     * @param patients n
     * @param level coverage of both intervals, in (0, 1)
     * @param priorA a of the Beta prior, &gt; 0
     * @param priorB b of the Beta prior, &gt; 0
     * @param target the rate whose exceedance probability is reported, in [0, 1]
     */
    public static ResponseRate of(long responses, long patients, double level, double priorA, double priorB,
            double target) {
        if (patients < 1 || responses < 0 || responses > patients) {
            throw new IllegalArgumentException("need 0 <= responses <= patients and patients >= 1, got " + responses
                    + " of " + patients);
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1), got " + level);
        }
        if (!(priorA > 0) || !(priorB > 0) || Double.isInfinite(priorA) || Double.isInfinite(priorB)) {
            throw new IllegalArgumentException("prior shapes must be finite and > 0, got " + priorA + ", " + priorB);
        }
        if (!(target >= 0 && target <= 1)) {
            throw new IllegalArgumentException("target must be in [0, 1], got " + target);
        }
        double tail = (1 - level) / 2;
        long failures = patients - responses;
        double cpLower = responses == 0 ? 0 : BetaDistribution.of(responses, failures + 1.0).inverseCumulativeProbability(tail);
        double cpUpper = failures == 0 ? 1 : BetaDistribution.of(responses + 1.0, failures).inverseSurvivalProbability(tail);
        BetaDistribution posterior = BetaDistribution.of(priorA + responses, priorB + failures);
        return new ResponseRate(patients, responses, (double) responses / patients, cpLower, cpUpper,
                (priorA + responses) / (priorA + priorB + patients), posterior.inverseCumulativeProbability(tail),
                posterior.inverseSurvivalProbability(tail), posterior.survivalProbability(target));
    }
}
