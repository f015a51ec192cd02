package io.daybreak.methods.causal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.ParameterSpec;
import io.daybreak.core.method.Parameters;
import io.daybreak.data.Table;
import io.daybreak.stats.causal.CausalData;
import io.daybreak.stats.causal.Estimand;
import io.daybreak.stats.causal.Propensity;
import io.daybreak.stats.causal.Weights;
import io.daybreak.stats.models.columns.NumericColumns;
import io.daybreak.stats.models.survival.SurvivalInput;

/**
 * The parameters every causal method shares (the data, the treatment and its treated value, the covariates of
 * the propensity model), declared and read once; and the weighting ones (estimand, stabilisation, trimming).
 */
final class CausalInput {
    private CausalInput() {
    }

    static MethodDescriptor.Builder declare(MethodDescriptor.Builder descriptor) {
        return descriptor.category("causal").input(SurvivalInput.DATA)
                .parameter(ParameterSpec.string("treatment").doc("column of the treatment: two values, one of them "
                        + "'treatedValue'"))
                .parameter(ParameterSpec.real("treatedValue").defaultValue(1.0)
                        .doc("the treatment column's value that means treated (the other value: control)"))
                .parameter(ParameterSpec.string("covariates")
                        .doc("comma-separated numeric columns of the propensity (and outcome) model; an intercept is "
                                + "added. Rows with a missing value in any column used are left out and counted"));
    }

    static MethodDescriptor.Builder declareWeighting(MethodDescriptor.Builder descriptor) {
        return descriptor
                .parameter(ParameterSpec.choice("estimand", "ATE", "ATT", "ATO").defaultValue("ATE")
                        .doc("ATE: everyone; ATT: the treated (external control arms); ATO: the overlap population"))
                .parameter(ParameterSpec.bool("stabilize").defaultValue(false)
                        .doc("stabilised ATE weights (multiplied by the arm's share); ATE only"))
                .parameter(ParameterSpec.real("trim").min(0).lessThan(0.5).defaultValue(0.0)
                        .doc("leave out patients with a propensity score outside [trim, 1 - trim] (Crump et al. "
                                + "2009 suggest 0.1); 0 keeps everyone"));
    }

    static CausalData read(Table data, Parameters parameters, String outcome) {
        SurvivalInput.data(data);
        List<String> covariates = NumericColumns.names("covariates", parameters.string("covariates"));
        return CausalData.read(data, parameters.string("treatment"), parameters.real("treatedValue"), covariates,
                outcome);
    }

    static Estimand estimand(Parameters parameters) {
        return Estimand.valueOf(parameters.string("estimand").toUpperCase(Locale.ROOT));
    }

    /**
     * The patients, trimmed if asked, with their propensity model refitted on the kept rows and the weights.
     *
     * @param trimmed receives the number of patients trimmed
     * @throws InvalidParameterException when trimming leaves an arm empty or the arms do not overlap
     */
    static Weighted weighted(CausalData data, Parameters parameters, int[] trimmed) {
        Propensity propensity = Propensity.fit(data);
        double trim = parameters.real("trim");
        CausalData kept = data;
        if (trim > 0) {
            boolean[] within = Weights.withinScores(propensity.scores(), trim);
            kept = data.keep(within);
            trimmed[0] = data.n() - kept.n();
            if (kept.treatedCount() == 0 || kept.treatedCount() == kept.n()) {
                throw new InvalidParameterException("parameter 'trim' = " + trim + " leaves no "
                        + (kept.treatedCount() == 0 ? "treated patient" : "control") + "; allowed: a smaller trim");
            }
            propensity = Propensity.fit(kept);
        }
        Propensity.Overlap overlap = propensity.overlap(kept.treated());
        if (overlap.none()) {
            throw new InvalidParameterException("no overlap: the propensity scores of the treated range over ["
                    + overlap.minTreated() + ", " + overlap.maxTreated() + "] and of the controls over ["
                    + overlap.minControl() + ", " + overlap.maxControl() + "]; no patient has a comparable patient in "
                    + "the other arm");
        }
        Weights weights = Weights.of(kept.treated(), propensity.scores(), estimand(parameters),
                parameters.bool("stabilize"));
        return new Weighted(kept, propensity, weights);
    }

    /** Patients with their propensity scores and weights. */
    record Weighted(CausalData data, Propensity propensity, Weights weights) {
    }

    /** Warnings about the overlap and the rows left out for missing values, for the summary. */
    static List<Object> warnings(Propensity.Overlap overlap, int droppedRows) {
        List<Object> warnings = new ArrayList<>();
        if (overlap.outsideTreated() > 0) {
            warnings.add(overlap.outsideTreated() + " treated patient(s) have a propensity score outside the controls' "
                    + "range: no comparable control; consider 'trim' or the ATO estimand");
        }
        if (overlap.outsideControl() > 0) {
            warnings.add(overlap.outsideControl() + " control(s) have a propensity score outside the treated's range");
        }
        if (droppedRows > 0) {
            warnings.add(droppedRows + " row(s) left out for a missing value");
        }
        return warnings;
    }
}
