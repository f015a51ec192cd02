package io.daybreak.stats.causal;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.stats.models.survival.CoxFit;
import io.daybreak.stats.models.survival.CoxRobust;
import io.daybreak.stats.models.survival.CoxRows;

/**
 * A treatment effect on a time-to-event outcome from balancing weights: the weighted Kaplan–Meier curve of each
 * arm and the marginal hazard ratio of a weighted Cox model with the treatment as its only covariate, with the
 * robust (sandwich) standard error R's {@code coxph(..., weights = w, robust = TRUE)} reports; the curves have the
 * infinitesimal-jackknife standard errors of R's {@code survfit} with weights. Both take the
 * weights as known (the sandwich is conservative for estimated IPTW weights, Austin 2016).
 *
 * @param logHazardRatio the weighted Cox coefficient of treatment
 * @param naiveStdError  from the inverse weighted information (not valid with weights; shown for comparison)
 * @param robustStdError the sandwich standard error
 * @param treated        the treated arm's weighted curve
 * @param control        the controls' weighted curve
 */
public record SurvivalEffect(double logHazardRatio, double naiveStdError, double robustStdError,
        WeightedKaplanMeier treated, WeightedKaplanMeier control) {

    /**
     * @throws InvalidParameterException when an arm has no event (the hazard ratio is 0 or infinite)
     */
    public static SurvivalEffect estimate(CausalData data, double[] weights, boolean efron) {
        double[] time = data.outcome();
        boolean[] event = data.event();
        int[] arm = data.treated();
        for (int which = 0; which <= 1; which++) {
            boolean any = false;
            for (int i = 0; i < arm.length && !any; i++) {
                any = arm[i] == which && event[i];
            }
            if (!any) {
                throw new InvalidParameterException("the " + (which == 1 ? "treated" : "control") + " arm has no event; "
                        + "a hazard ratio needs events in both arms");
            }
        }
        double[][] x = new double[arm.length][];
        for (int i = 0; i < x.length; i++) {
            x[i] = new double[] {arm[i]};
        }
        CoxRows rows = CoxRows.of(time, event, x, weights);
        CoxFit fit = CoxFit.fit(beta -> rows.evaluate(beta, efron), 1);
        double[] beta = fit.coefficients();
        CoxRobust residuals = CoxRobust.at(rows.sums(beta, rows.eventTimes()), efron);
        double[][] robust = CoxRobust.sandwich(fit.covariance(), residuals.meat(time, event, x, weights, beta));
        return new SurvivalEffect(beta[0], Math.sqrt(fit.covariance()[0][0]), Math.sqrt(robust[0][0]),
                WeightedKaplanMeier.estimate(WeightedKaplanMeier.Counts.of(time, event, weights, arm, 1)),
                WeightedKaplanMeier.estimate(WeightedKaplanMeier.Counts.of(time, event, weights, arm, 0)));
    }

    /** The hazard ratio with its Wald interval from the robust standard error on the log scale. */
    public MarginalMeans.Contrast hazardRatio(double level) {
        return MarginalMeans.Contrast.ratio(logHazardRatio, robustStdError, level);
    }

    /** S_treated(t) − S_control(t); the arms are disjoint, so the variances of the two curves add. */
    public MarginalMeans.Contrast survivalDifference(double t, double level) {
        double[] one = treated.at(t);
        double[] zero = control.at(t);
        return MarginalMeans.Contrast.difference(one[0] - zero[0], Math.hypot(one[1], zero[1]), level);
    }
}
