package io.daybreak.methods.design.optimisation;

import static io.daybreak.core.method.TableSpec.column;
import static io.daybreak.data.ColumnType.FLOAT64;
import static io.daybreak.data.ColumnType.INT64;

import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Component;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.Method;
import io.daybreak.core.method.MethodContext;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.MethodResult;
import io.daybreak.core.method.Setting;
import io.daybreak.core.method.TableSpec;
import io.daybreak.data.Table;
import io.daybreak.methods.design.oc.DesignMethod;

/**
 * {@code design.randomised-selection}: a randomised comparison of two or three doses after escalation (MERIT, Yang et
 * al. 2024; ROSE, Wang, Yuan &amp; Liu 2025), sized by the probability of correct selection (PCS). For each n per arm
 * in a range and each scenario it computes exactly (binomial enumeration, see {@link ArmRules}) the probability
 * that the stage selects each arm, and reports the smallest n at which every scenario's PCS reaches the target.
 */
@Component(service = Method.class)
public final class RandomisedSelectionMethod extends DesignMethod<RandomisedSelectionMethod.SelectionSettings> {
    static final int MAX_ARMS = 3;
    static final TableSpec PCS = TableSpec.of("pcs", "per n per arm and scenario: the exact probability of selecting "
            + "each arm (0 where the arm does not exist), of no selection, of selecting a truly inadmissible arm "
            + "(too toxic or below the minimum efficacy: MERIT's generalised type I error), the PCS and the decision "
            + "boundaries",
            column("n", INT64), column("scenario", INT64), column("correctArm", INT64), column("pcs", FLOAT64),
            column("selectArm1", FLOAT64), column("selectArm2", FLOAT64), column("selectArm3", FLOAT64),
            column("noSelection", FLOAT64), column("selectInadmissible", FLOAT64), column("maxToxicities", INT64),
            column("minResponses", INT64),
            column("maxDeficit", INT64));

    /** What design.randomised-selection takes. */
    record SelectionSettings(
            @Setting(doc = "true response rate per arm, lowest dose first (2 or 3 arms); scenarios separated by '/', "
                    + "e.g. 0.4,0.4/0.3,0.4")
            String efficacy,
            @Setting(doc = "true toxicity rate per arm, lowest dose first; one scenario for all, or one per efficacy "
                    + "scenario separated by '/'")
            String toxicity,
            SelectionCriteria criteria,
            @Setting(min = 0, minInclusive = false, max = 1, maxInclusive = false, defaultValue = "0.8",
                    doc = "target probability of correct selection, reached in every scenario")
            double targetPcs,
            @Setting(unit = "patients per arm", min = 1, max = 1000, defaultValue = "10", doc = "smallest n per arm tabulated")
            int minPatients,
            @Setting(unit = "patients per arm", min = 1, max = 1000, defaultValue = "80", doc = "largest n per arm tabulated")
            int maxPatients) {

        SelectionSettings {
            if (minPatients > maxPatients) {
                throw new InvalidParameterException("parameter 'minPatients' = " + minPatients + " exceeds 'maxPatients' = "
                        + maxPatients);
            }
            scenarios(efficacy, toxicity);
        }
    }

    public RandomisedSelectionMethod() {
        super(SelectionSettings.class, MethodDescriptor.builder("design.randomised-selection",
                "Randomised dose optimisation among 2-3 doses: exact probability of correct selection by n per arm")
                .category("design")
                .reference("Yang, Li, Lin, Huang & Yuan, Stat Med 43:2972-2986 (2024) (MERIT); Wang, Yuan & Liu, "
                        + "arXiv:2505.03898 (2025) (ROSE)")
                .description("Each arm is admissible when P(toxicity > toxicityLimit) <= toxicityCutoff and "
                        + "P(response < minEfficacy) <= efficacyCutoff (Beta(1,1) priors); among admissible arms the "
                        + "lowest dose whose response rate is less than 'boundary' below the highest admissible arm's "
                        + "(non-inferiority), or the highest posterior mean utility, is selected. Tabulates the exact "
                        + "selection probabilities and PCS per n per arm and the smallest n reaching the target PCS.")
                .output(PCS));
    }

    /** Efficacy and toxicity scenarios, checked against each other; element [s][0] efficacy, [s][1] toxicity. */
    static List<double[][]> scenarios(String efficacy, String toxicity) {
        List<double[]> e = Scenarios.parse("efficacy", efficacy, 2, MAX_ARMS);
        List<double[]> t = Scenarios.parse("toxicity", toxicity, 2, MAX_ARMS);
        if (t.size() != 1 && t.size() != e.size()) {
            throw new InvalidParameterException("parameter 'toxicity' has " + t.size() + " scenarios but 'efficacy' has "
                    + e.size() + "; give one toxicity scenario or one per efficacy scenario");
        }
        List<double[][]> scenarios = new ArrayList<>();
        for (int s = 0; s < e.size(); s++) {
            double[] tox = t.get(t.size() == 1 ? 0 : s);
            if (e.get(s).length != e.get(0).length) {
                throw new InvalidParameterException("parameter 'efficacy': scenario " + (s + 1) + " has "
                        + e.get(s).length + " arms but scenario 1 has " + e.get(0).length + "; every scenario compares "
                        + "the same arms");
            }
            if (tox.length != e.get(s).length) {
                throw new InvalidParameterException("scenario " + (s + 1) + ": 'efficacy' has " + e.get(s).length
                        + " arms but 'toxicity' has " + tox.length + "; they must match");
            }
            scenarios.add(new double[][] {e.get(s), tox});
        }
        return scenarios;
    }

    @Override
    protected MethodResult run(SelectionSettings settings, MethodContext context) {
        List<double[][]> scenarios = scenarios(settings.efficacy(), settings.toxicity());
        SelectionCriteria criteria = settings.criteria();
        int rows = (settings.maxPatients() - settings.minPatients() + 1) * scenarios.size();
        long[] nCol = new long[rows];
        long[] scenarioCol = new long[rows];
        long[] correctCol = new long[rows];
        double[] pcsCol = new double[rows];
        double[][] selectCols = new double[MAX_ARMS][rows];
        double[] noneCol = new double[rows];
        double[] inadmissibleCol = new double[rows];
        long[] maxTox = new long[rows];
        long[] minResp = new long[rows];
        long[] maxDeficit = new long[rows];
        int[] correct = new int[scenarios.size()];
        for (int s = 0; s < scenarios.size(); s++) {
            correct[s] = criteria.correctArm(scenarios.get(s)[1], scenarios.get(s)[0]);
        }
        int sampleSize = -1;
        double[] pcsAtSize = null;
        ArmRules rulesAtSize = null;
        int row = 0;
        for (int n = settings.minPatients(); n <= settings.maxPatients(); n++) {
            context.checkCancelled();
            ArmRules rules = new ArmRules(criteria, n);
            double[] pcs = new double[scenarios.size()];
            for (int s = 0; s < scenarios.size(); s++) {
                double[] probabilities = rules.probabilities(scenarios.get(s)[1], scenarios.get(s)[0]);
                int arms = probabilities.length - 1;
                pcs[s] = correct[s] < 0 ? probabilities[arms] : probabilities[correct[s]];
                nCol[row] = n;
                scenarioCol[row] = s + 1;
                correctCol[row] = correct[s] + 1;
                pcsCol[row] = pcs[s];
                for (int j = 0; j < arms; j++) {
                    selectCols[j][row] = probabilities[j];
                }
                noneCol[row] = probabilities[arms];
                double[] tox = scenarios.get(s)[1];
                double[] eff = scenarios.get(s)[0];
                for (int j = 0; j < arms; j++) {
                    if (tox[j] > criteria.toxicityLimit() || eff[j] < criteria.minEfficacy()) {
                        inadmissibleCol[row] += probabilities[j];
                    }
                }
                maxTox[row] = rules.maxToxicities();
                minResp[row] = rules.minResponses();
                maxDeficit[row] = rules.maxDeficit();
                row++;
            }
            if (sampleSize < 0 && java.util.Arrays.stream(pcs).min().orElse(0) >= settings.targetPcs()) {
                sampleSize = n;
                pcsAtSize = pcs;
                rulesAtSize = rules;
            }
            context.progress((double) (n - settings.minPatients() + 1)
                    / (settings.maxPatients() - settings.minPatients() + 1), "patients per arm");
        }
        Table table = Table.builder(context.allocator()).addInt64("n", nCol).addInt64("scenario", scenarioCol)
                .addInt64("correctArm", correctCol).addFloat64("pcs", pcsCol).addFloat64("selectArm1", selectCols[0])
                .addFloat64("selectArm2", selectCols[1]).addFloat64("selectArm3", selectCols[2])
                .addFloat64("noSelection", noneCol).addFloat64("selectInadmissible", inadmissibleCol)
                .addInt64("maxToxicities", maxTox).addInt64("minResponses", minResp)
                .addInt64("maxDeficit", maxDeficit).build();
        List<Object> correctArms = new ArrayList<>();
        for (int c : correct) {
            correctArms.add((long) (c + 1));
        }
        MethodResult.Builder result = MethodResult.builder().output(PCS.name(), table)
                .summary("rule", criteria.rule().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
                .summary("boundary", criteria.lambda())
                .summary("correctArm", correctArms)
                .summary("targetPcs", settings.targetPcs())
                .summary("targetReached", sampleSize > 0);
        if (sampleSize > 0) {
            int arms = scenarios.get(0)[0].length;
            result.summary("patientsPerArm", (long) sampleSize)
                    .summary("totalPatients", (long) sampleSize * arms)
                    .summary("pcs", pcsAtSize)
                    .summary("maxToxicities", (long) rulesAtSize.maxToxicities())
                    .summary("minResponses", (long) rulesAtSize.minResponses())
                    .summary("maxDeficit", (long) rulesAtSize.maxDeficit());
        }
        return result.build();
    }
}
