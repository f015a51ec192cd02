package io.daybreak.examples.externalcontrol;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.arrow.memory.BufferAllocator;

import io.daybreak.data.Table;
import io.daybreak.stats.causal.Balance;
import io.daybreak.stats.causal.CausalData;
import io.daybreak.stats.causal.EValue;
import io.daybreak.stats.causal.Estimand;
import io.daybreak.stats.causal.Estimators;
import io.daybreak.stats.causal.MarginalMeans;
import io.daybreak.stats.causal.Propensity;
import io.daybreak.stats.causal.SurvivalEffect;
import io.daybreak.stats.causal.Weights;

/**
 * The external-control-arm analysis of a single-arm trial: the cohort flow ({@link CohortFlow}), a propensity
 * model of trial membership, ATT weights (the trial patients are the population of interest, so the controls
 * are reweighted to resemble them), balance before and after, the weighted survival comparison (Kaplan–Meier
 * curves, Cox hazard ratio with a robust SE) next to the unweighted (naive) one, the weighted response rates,
 * and the E-value of the hazard ratio: how strong an unmeasured confounder would have to be to explain it away.
 *
 * @param flow           the patients through each step
 * @param propensity     the fitted model of being in the trial
 * @param overlap        score ranges of the two sources
 * @param weights        ATT weights (1 for trial patients)
 * @param effectiveControls Kish's effective number of weighted controls
 * @param balance        per covariate, before and after weighting
 * @param weighted       the survival comparison with ATT weights
 * @param naive          the same without weights
 * @param response       weighted response rates (trial, controls) with the difference and risk ratio
 * @param eValue         E-value of the weighted hazard ratio and of its confidence limit closer to 1
 * @param covariates     the propensity covariates
 */
record ExternalControlAnalysis(CohortFlow flow, Propensity propensity, Propensity.Overlap overlap, Weights weights,
        double effectiveControls, List<Balance> balance, SurvivalEffect weighted, SurvivalEffect naive,
        MarginalMeans response, double[] eValue, List<String> covariates) {
    static final List<String> COVARIATES = List.of("age", "ecog", "priorLines", "biomarker");

    static ExternalControlAnalysis run(Table raw, Eligibility criteria, BufferAllocator allocator) {
        CohortFlow flow = CohortFlow.of(raw, criteria);
        double[][] k = flow.kept;
        try (Table cohort = Table.builder(allocator).addFloat64("trial", k[0]).addFloat64("age", k[1])
                .addFloat64("ecog", k[2]).addFloat64("priorLines", k[3]).addFloat64("biomarker", k[4])
                .addFloat64("time", k[5]).addFloat64("status", k[6]).addFloat64("response", k[7]).build()) {
            CausalData survival = CausalData.readSurvival(cohort, "trial", 1, COVARIATES, "time", "status", 1);
            CausalData responses = CausalData.read(cohort, "trial", 1, COVARIATES, "response");
            Propensity propensity = Propensity.fit(survival);
            int[] treated = survival.treated();
            Weights weights = Weights.of(treated, propensity.scores(), Estimand.ATT, false);
            List<Balance> balance = new ArrayList<>();
            for (int c = 0; c < COVARIATES.size(); c++) {
                balance.add(Balance.of(COVARIATES.get(c), survival.covariate(c), treated, weights.values(),
                        Estimand.ATT));
            }
            SurvivalEffect weighted = SurvivalEffect.estimate(survival, weights.values(), true);
            double[] ones = new double[survival.n()];
            Arrays.fill(ones, 1);
            SurvivalEffect naive = SurvivalEffect.estimate(survival, ones, true);
            MarginalMeans.Contrast hr = weighted.hazardRatio(0.95);
            double[] eValue = {EValue.of(hr.estimate(), EValue.Measure.HR, false),
                EValue.ofInterval(hr.estimate(), hr.lower(), hr.upper(), EValue.Measure.HR, false)};
            return new ExternalControlAnalysis(flow, propensity, propensity.overlap(treated), weights,
                    weights.effectiveSize(treated, 0), balance, weighted, naive,
                    Estimators.iptw(responses, weights), eValue, COVARIATES);
        }
    }
}
