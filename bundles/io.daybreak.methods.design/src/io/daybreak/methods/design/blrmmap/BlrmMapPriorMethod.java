package io.daybreak.methods.design.blrmmap;

import static io.daybreak.core.method.TableSpec.column;
import static io.daybreak.data.ColumnType.FLOAT64;
import static io.daybreak.data.ColumnType.INT64;
import static io.daybreak.data.ColumnType.STRING;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.daybreak.core.method.Choice;
import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.Method;
import io.daybreak.core.method.MethodContext;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.MethodResult;
import io.daybreak.core.method.Setting;
import io.daybreak.core.method.SettingsMethod;
import io.daybreak.core.method.TableSpec;
import io.daybreak.data.ColumnType;
import io.daybreak.data.DoubleColumn;
import io.daybreak.data.StringColumn;
import io.daybreak.data.Table;
import io.daybreak.data.TableBuilder;
import io.daybreak.methods.design.blrm.BivariateNormalMixture;
import io.daybreak.methods.design.blrm.BlrmModel;
import io.daybreak.methods.design.blrm.BlrmPosterior;
import io.daybreak.methods.design.oc.DoseSettings;

/**
 * {@code design.blrm-map-prior}: the MAP prior of the BLRM parameters (log α, log β) of a new single-agent trial from
 * historical trials' DLT data, as OncoBayes2's {@code blrm_exnex} (full exchangeability, or EXNEX with
 * {@code exchangeability} &lt; 1; see {@link BlrmMapModel}); its output priorMeanLogAlpha ... priorCorrelation (the
 * moment-matched normal) and priorMixture (a bivariate normal mixture, robust with {@code robustWeight}) are
 * design.blrm's and design.blrm-posterior's parameters of the same names.
 */
@Component(service = Method.class)
public final class BlrmMapPriorMethod extends SettingsMethod<BlrmMapPriorMethod.Settings> {
    public static final String ID = "design.blrm-map-prior";
    static final String INPUT = "history";
    /** Significant digits of the priorMixture text: well below the Monte Carlo error of the fit, short to copy. */
    static final int MIXTURE_DIGITS = 6;

    /** What design.blrm-map-prior takes. */
    record Settings(
            @Setting(optional = true, doc = "historical data, one entry per trial and dose: trial labels separated by "
                    + "commas, e.g. H1,H1,H2 (with doses, patients, dlts); or give the input table 'history'")
            String trials,
            @Setting(unit = "dose amount", min = 0, minInclusive = false, optional = true,
                    doc = "dose amount of each entry of 'trials', in the unit of doseAmounts")
            double[] doses,
            @Setting(unit = "patients", min = 0, optional = true, doc = "patients of each entry")
            double[] patients,
            @Setting(unit = "DLTs", min = 0, optional = true, doc = "DLTs of each entry")
            double[] dlts,
            @Setting(min = 0, minInclusive = false, doc = "dose amounts of the new trial, increasing: the prior "
                    + "probabilities of under-, target and overdosing are shown for these (pass them on as "
                    + "design.blrm's doseAmounts)")
            double[] doseAmounts,
            @Setting(min = 0, minInclusive = false, optional = true, doc = "reference dose d* of logit p = log(alpha) "
                    + "+ beta log(d/d*), for the historical and the new trial (default as design.blrm: the amount of "
                    + "the middle dose level of doseAmounts, ceil(K/2))")
            Double referenceDose,
            @Setting(defaultValue = "-1.0986122886681098", doc = "mean of the normal prior of mu_alpha, the mean of "
                    + "log(alpha) over trials (default logit 0.25)")
            double muMeanLogAlpha,
            @Setting(min = 0, minInclusive = false, defaultValue = "2", doc = "sd of the prior of mu_alpha")
            double muSdLogAlpha,
            @Setting(defaultValue = "0", doc = "mean of the normal prior of mu_beta, the mean of log(beta) over trials")
            double muMeanLogBeta,
            @Setting(min = 0, minInclusive = false, defaultValue = "1", doc = "sd of the prior of mu_beta")
            double muSdLogBeta,
            @Choice({"lognormal", "halfnormal", "fixed"})
            @Setting(defaultValue = "lognormal", doc = "prior of the between-trial sds tau: lognormal (OncoBayes2's "
                    + "tau_dist 1), halfnormal (2) or fixed (0: tau = the scales)")
            String tauPrior,
            @Setting(min = 0, minInclusive = false, defaultValue = "0.25", doc = "tau_alpha: median of the log-normal, "
                    + "scale of the half-normal, or the fixed value (OncoBayes2 example: 0.25)")
            double tauScaleLogAlpha,
            @Setting(min = 0, minInclusive = false, defaultValue = "0.125", doc = "tau_beta: as tauScaleLogAlpha "
                    + "(OncoBayes2 example: 0.125)")
            double tauScaleLogBeta,
            @Setting(min = 0, minInclusive = false, defaultValue = "0.7072930413876993", doc = "sd of log(tau) for "
                    + "the log-normal prior (default log(4)/1.96, OncoBayes2 example)")
            double tauLogSd,
            @Setting(unit = "DLT probability", min = 0, minInclusive = false, max = 1, maxInclusive = false,
                    defaultValue = "0.16,0.33", doc = "the two boundaries of under-, target and overdosing")
            double[] intervals,
            @Setting(min = 100, max = 1e6, defaultValue = "10000", doc = "adaptive burn-in sweeps, not kept")
            int burnIn,
            @Setting(min = 1000, max = 1e7, defaultValue = "200000", doc = "kept sweeps of the sampler")
            int iterations,
            @Setting(min = 0, minInclusive = false, max = 1, defaultValue = "1", doc = "prior probability that each "
                    + "historical trial is exchangeable with the others (OncoBayes2's EXNEX, prior_EX_prob_comp); "
                    + "otherwise its (log alpha, log beta) has the prior of mu (muMean..., muSd...) and does not inform "
                    + "mu and tau; 1: full exchangeability")
            double exchangeability,
            @Setting(min = 1, max = 4, optional = true, doc = "components of the bivariate normal mixture fitted to "
                    + "the MAP prior (default: 1 to 4, the smallest AIC with penalty 6 per parameter, as RBesT's "
                    + "automixfit)")
            Integer components,
            @Setting(min = 0, max = 1, maxInclusive = false, defaultValue = "0", doc = "weight of the weakly "
                    + "informative component added to the mixture (robust MAP prior; as OncoBayes2's EXNEX, the new "
                    + "trial is exchangeable with the history with probability 1 - robustWeight): the prior of mu, "
                    + "muMeanLogAlpha, muSdLogAlpha, muMeanLogBeta, muSdLogBeta, correlation 0")
            double robustWeight) {

        int tauDistribution() {
            return switch (tauPrior) {
                case "lognormal" -> BlrmMapModel.Hyperprior.LOG_NORMAL;
                case "halfnormal" -> BlrmMapModel.Hyperprior.HALF_NORMAL;
                case "fixed" -> BlrmMapModel.Hyperprior.FIXED;
                default -> throw new InvalidParameterException("parameter 'tauPrior' = '" + tauPrior + "'; allowed: "
                        + "lognormal, halfnormal, fixed");
            };
        }
    }

    public BlrmMapPriorMethod() {
        super(Settings.class, MethodDescriptor.builder(ID,
                "MAP prior of the BLRM from historical trials' DLT data (OncoBayes2-style hierarchical model)")
                .category("design")
                .reference("Neuenschwander, Roychoudhury & Schmidli, Stat Biopharm Res 8:345-354 (2016); Neuenschwander, "
                        + "Branson & Gsponer, Stat Med 27:2420-2439 (2008); R OncoBayes2 (blrm_exnex)")
                .description("Historical single-agent trials: logit p = log(alpha_j) + beta_j log(d/d*), (log alpha_j, "
                        + "log beta_j) ~ N2(mu, diag(tau^2)) (between-trial correlation 0; with exchangeability < 1 "
                        + "each trial is exchangeable only with that probability, else it has the prior of mu: EXNEX), "
                        + "normal priors on mu, "
                        + "log-normal or half-normal priors on tau; posterior by seeded Metropolis-within-Gibbs. The MAP "
                        + "prior of a new trial's (log alpha, log beta), moment-matched to a bivariate normal, is given "
                        + "as priorMeanLogAlpha, priorSdLogAlpha, priorMeanLogBeta, priorSdLogBeta, priorCorrelation: "
                        + "the parameters of design.blrm and design.blrm-posterior; fitted by a mixture of bivariate "
                        + "normals (EM on draws of the MAP prior, components by AIC as RBesT's automixfit), robust "
                        + "with robustWeight > 0, as priorMixture, the parameter of the same name of those methods.")
                .input(TableSpec.optional(INPUT, "one row per historical trial and dose", column("trial", STRING),
                        column("dose", FLOAT64), column("patients", FLOAT64), column("dlts", FLOAT64)))
                .output(TableSpec.of("hyper", "posterior of mu and tau: mean, sd (each with its Monte Carlo SE), 2.5%, "
                        + "50%, 97.5%", column("parameter", STRING), column("mean", FLOAT64),
                        column("meanMcse", FLOAT64), column("sd", FLOAT64), column("sdMcse", FLOAT64),
                        column("q025", FLOAT64), column("q50", FLOAT64), column("q975", FLOAT64)))
                .output(TableSpec.of("shrinkage", "per historical trial: data and the posterior (shrinkage) mean and "
                        + "sd of log alpha_j and log beta_j, each with its Monte Carlo SE, and the posterior probability "
                        + "that the trial is exchangeable (EXNEX) with its Monte Carlo SE", column("trial", STRING),
                        column("patients", INT64), column("dlts", INT64), column("meanLogAlpha", FLOAT64),
                        column("meanLogAlphaMcse", FLOAT64), column("sdLogAlpha", FLOAT64),
                        column("sdLogAlphaMcse", FLOAT64), column("meanLogBeta", FLOAT64),
                        column("meanLogBetaMcse", FLOAT64), column("sdLogBeta", FLOAT64),
                        column("sdLogBetaMcse", FLOAT64), column("pExchangeable", FLOAT64),
                        column("pExchangeableMcse", FLOAT64)))
                .output(TableSpec.of("prior", "per dose of doseAmounts under the moment-matched MAP prior: mean and "
                        + "sd of p, P(under), P(target), P(over)", column("dose", INT64), column("amount", FLOAT64),
                        column("meanP", FLOAT64), column("sdP", FLOAT64), column("pUnder", FLOAT64),
                        column("pTarget", FLOAT64), column("pOver", FLOAT64)))
                .output(TableSpec.of("mixture", "the bivariate normal mixture fitted to the MAP prior (robust "
                        + "component last when robustWeight > 0): weight, means, sds, correlation", column("component",
                        INT64), column("weight", FLOAT64), column("meanLogAlpha", FLOAT64), column("sdLogAlpha",
                        FLOAT64), column("meanLogBeta", FLOAT64), column("sdLogBeta", FLOAT64), column("correlation",
                        FLOAT64), column("robust", ColumnType.BOOLEAN)))
                .output(TableSpec.of("mixtureAic", "AIC (penalty 6 per parameter) of the fits with 1 to 4 "
                        + "components; NaN where not fitted or EM failed", column("components", INT64),
                        column("aic", FLOAT64)))
                .output(TableSpec.of("mixturePrior", "per dose of doseAmounts under priorMixture: mean and sd of p, "
                        + "P(under), P(target), P(over); and P(over) of the MAP prior itself, from its draws",
                        column("dose", INT64), column("amount", FLOAT64), column("meanP", FLOAT64),
                        column("sdP", FLOAT64), column("pUnder", FLOAT64), column("pTarget", FLOAT64),
                        column("pOver", FLOAT64), column("pOverDraws", FLOAT64))));
    }

    /** The historical data, checked, with trial labels in order of first appearance. */
    record History(List<String> labels, List<double[]> rows) {
        /** rows: trial index, dose, patients, dlts. */
        int patients(int j) {
            return (int) rows.stream().filter(r -> r[0] == j).mapToDouble(r -> r[2]).sum();
        }

        int dlts(int j) {
            return (int) rows.stream().filter(r -> r[0] == j).mapToDouble(r -> r[3]).sum();
        }
    }

    static History history(Table table, Settings s) {
        boolean given = s.trials() != null || s.doses() != null || s.patients() != null || s.dlts() != null;
        List<String> labels = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        Map<String, Integer> index = new LinkedHashMap<>();
        if (given) {
            if (table != null) {
                throw new InvalidParameterException("give the historical data either as 'trials', 'doses', 'patients', "
                        + "'dlts' or as the input table 'history', not both");
            }
            if (s.trials() == null || s.doses() == null || s.patients() == null || s.dlts() == null) {
                throw new InvalidParameterException("give all of 'trials', 'doses', 'patients' and 'dlts' (one value "
                        + "per trial and dose)");
            }
            String[] names = s.trials().split(",", -1);
            int m = names.length;
            if (s.doses().length != m || s.patients().length != m || s.dlts().length != m) {
                throw new InvalidParameterException("'trials' has " + m + " entries, 'doses' " + s.doses().length
                        + ", 'patients' " + s.patients().length + ", 'dlts' " + s.dlts().length + "; they must match");
            }
            for (int i = 0; i < m; i++) {
                add(names[i].trim(), s.doses()[i], s.patients()[i], s.dlts()[i], "entry " + (i + 1) + " of 'trials'",
                        index, labels, rows);
            }
        } else {
            if (table == null) {
                throw new InvalidParameterException("no historical data: give 'trials', 'doses', 'patients', 'dlts' or "
                        + "the input table 'history' (columns trial, dose, patients, dlts)");
            }
            StringColumn name = table.strings("trial");
            DoubleColumn dose = table.doubles("dose");
            DoubleColumn n = table.doubles("patients");
            DoubleColumn y = table.doubles("dlts");
            for (int i = 0; i < table.rowCount(); i++) {
                add(name.isNull(i) ? "" : name.get(i).trim(), dose.get(i), n.get(i), y.get(i),
                        "input 'history', row " + (i + 1), index, labels, rows);
            }
        }
        if (rows.isEmpty()) {
            throw new InvalidParameterException("no historical data given");
        }
        return new History(labels, rows);
    }

    private static void add(String name, double dose, double n, double y, String where, Map<String, Integer> index,
            List<String> labels, List<double[]> rows) {
        if (name.isEmpty()) {
            throw new InvalidParameterException(where + ": the trial label is empty");
        }
        if (!(dose > 0) || Double.isInfinite(dose)) {
            throw new InvalidParameterException(where + ": dose = " + dose + "; need a positive amount");
        }
        if (!(n >= 0) || n != Math.rint(n) || n > 1e6) {
            throw new InvalidParameterException(where + ": patients = " + n + "; need a whole number >= 0");
        }
        if (!(y >= 0) || y != Math.rint(y) || y > n) {
            throw new InvalidParameterException(where + ": dlts = " + y + "; need a whole number in [0, patients = "
                    + (long) n + "]");
        }
        Integer j = index.computeIfAbsent(name, k -> {
            labels.add(k);
            return labels.size() - 1;
        });
        rows.add(new double[] {j, dose, n, y});
    }

    /** The reference dose: given, or the middle level of the new trial's doses, as design.blrm. */
    static double reference(Settings s) {
        double[] amounts = DoseSettings.strictlyIncreasing("doseAmounts", s.doseAmounts());
        return s.referenceDose() != null ? s.referenceDose() : amounts[(amounts.length - 1) / 2];
    }

    @Override
    protected MethodResult run(Map<String, Table> inputs, Settings s, MethodContext context) {
        History h = history(inputs.get(INPUT), s);
        double ref = reference(s);
        DoseSettings.intervalBoundaries(s.intervals());
        BlrmMapModel.Hyperprior hyper = new BlrmMapModel.Hyperprior(new double[] {s.muMeanLogAlpha(), s.muMeanLogBeta()},
                new double[] {s.muSdLogAlpha(), s.muSdLogBeta()}, s.tauDistribution(),
                new double[] {s.tauScaleLogAlpha(), s.tauScaleLogBeta()}, s.tauLogSd(), s.exchangeability());
        List<BlrmMapModel.Row> rows = new ArrayList<>();
        for (double[] r : h.rows()) {
            rows.add(new BlrmMapModel.Row((int) r[0], Math.log(r[1] / ref), (int) r[2], (int) r[3]));
        }
        BlrmMapModel model = new BlrmMapModel(h.labels().size(), rows, hyper);
        context.progress(0, "sampling the hierarchical BLRM");
        BlrmMapModel.Draws draws = model.sample(context.random(0), s.burnIn(), s.iterations(), context::checkCancelled);
        context.progress(1, "done");
        BlrmMapSummary summary = BlrmMapSummary.of(draws);
        double[] map = summary.map();
        BlrmPosterior prior = BlrmPosterior.prior(BlrmModel.of(s.doseAmounts(), ref, map[0], map[1], map[2], map[3],
                map[4]), s.intervals());
        // θ* draws from a stream of their own: the sampler's numbers do not depend on the mixture fit.
        double[][] thetaDraws = MapMixtureFit.predictiveDraws(draws, context.random(1));
        MapMixtureFit.Fit fit = MapMixtureFit.fit(thetaDraws, s.components());
        BivariateNormalMixture mixture = MapMixtureFit.robustify(fit.mixture(), s.robustWeight(), s.muMeanLogAlpha(),
                s.muSdLogAlpha(), s.muMeanLogBeta(), s.muSdLogBeta());
        BlrmPosterior mixturePrior = BlrmPosterior.prior(BlrmModel.of(s.doseAmounts(), ref, mixture), s.intervals());
        List<Table> tables = new ArrayList<>();
        try {
            tables.add(summary.hyperTable(context.allocator()));
            tables.add(summary.shrinkageTable(context.allocator(), h));
            tables.add(priorTable(context, prior, s.doseAmounts(), null));
            tables.add(mixtureTable(context, mixture, s.robustWeight() > 0));
            tables.add(aicTable(context, fit.aic()));
            tables.add(priorTable(context, mixturePrior, s.doseAmounts(),
                    overByDraws(thetaDraws, s.doseAmounts(), ref, s.intervals()[1])));
        } catch (RuntimeException | Error e) {
            tables.forEach(Table::close);
            throw e;
        }
        MethodResult.Builder out = MethodResult.builder().output("hyper", tables.get(0)).output("shrinkage", tables.get(1))
                .output("prior", tables.get(2)).output("mixture", tables.get(3)).output("mixtureAic", tables.get(4))
                .output("mixturePrior", tables.get(5))
                .summary("priorMixture", mixture.format(MIXTURE_DIGITS))
                .summary("mixtureComponents", (long) fit.components())
                .summary("robustWeight", s.robustWeight());
        String[] names = {"priorMeanLogAlpha", "priorSdLogAlpha", "priorMeanLogBeta", "priorSdLogBeta", "priorCorrelation"};
        for (int k = 0; k < 5; k++) {
            out.summary(names[k], map[k]);
            out.summary(names[k] + "Mcse", summary.mapSe()[k]);
        }
        double[] rates = draws.acceptance();
        int j = model.trials();
        double minEta = Double.POSITIVE_INFINITY;
        for (int i = 0; i < j; i++) {
            minEta = Math.min(minEta, rates[i]);
        }
        return out.summary("referenceDose", ref)
                .summary("essMin", summary.essMin())
                .summary("acceptanceThetaMin", minEta)
                .summary("acceptanceMu", rates[j])
                .summary("acceptanceTau", rates[j + 1])
                .summary("iterations", (long) s.iterations())
                .build();
    }

    /** Per dose, the share of θ* draws with p_d ≥ the upper interval boundary: P(over) of the MAP prior itself. */
    static double[] overByDraws(double[][] theta, double[] amounts, double ref, double upper) {
        double cut = Math.log(upper / (1 - upper));
        double[] over = new double[amounts.length];
        for (int d = 0; d < amounts.length; d++) {
            double logDose = Math.log(amounts[d] / ref);
            long count = 0;
            for (double[] t : theta) {
                if (t[0] + Math.exp(t[1]) * logDose >= cut) {
                    count++;
                }
            }
            over[d] = (double) count / theta.length;
        }
        return over;
    }

    private static Table mixtureTable(MethodContext context, BivariateNormalMixture mixture, boolean robustLast) {
        List<Object> index = new ArrayList<>();
        List<List<Object>> cols = new ArrayList<>();
        for (int c = 0; c < 6; c++) {
            cols.add(new ArrayList<>());
        }
        List<Object> robust = new ArrayList<>();
        List<BivariateNormalMixture.Component> components = mixture.components();
        for (int k = 0; k < components.size(); k++) {
            BivariateNormalMixture.Component c = components.get(k);
            index.add((long) k + 1);
            double[] row = {c.weight(), c.meanLogAlpha(), c.sdLogAlpha(), c.meanLogBeta(), c.sdLogBeta(),
                c.correlation()};
            for (int j = 0; j < 6; j++) {
                cols.get(j).add(row[j]);
            }
            robust.add(robustLast && k == components.size() - 1);
        }
        return Table.builder(context.allocator()).add("component", ColumnType.INT64, index)
                .add("weight", ColumnType.FLOAT64, cols.get(0)).add("meanLogAlpha", ColumnType.FLOAT64, cols.get(1))
                .add("sdLogAlpha", ColumnType.FLOAT64, cols.get(2)).add("meanLogBeta", ColumnType.FLOAT64, cols.get(3))
                .add("sdLogBeta", ColumnType.FLOAT64, cols.get(4)).add("correlation", ColumnType.FLOAT64, cols.get(5))
                .add("robust", ColumnType.BOOLEAN, robust).build();
    }

    private static Table aicTable(MethodContext context, double[] aic) {
        List<Object> k = new ArrayList<>();
        List<Object> value = new ArrayList<>();
        for (int i = 0; i < aic.length; i++) {
            k.add((long) i + 1);
            value.add(aic[i]);
        }
        return Table.builder(context.allocator()).add("components", ColumnType.INT64, k)
                .add("aic", ColumnType.FLOAT64, value).build();
    }

    /** The prior's table per dose; with {@code overByDraws}, a last column pOverDraws. */
    private static Table priorTable(MethodContext context, BlrmPosterior prior, double[] amounts, double[] overByDraws) {
        List<Object> dose = new ArrayList<>();
        List<Object> amount = new ArrayList<>();
        List<Object> mean = new ArrayList<>();
        List<Object> sd = new ArrayList<>();
        List<Object> under = new ArrayList<>();
        List<Object> target = new ArrayList<>();
        List<Object> over = new ArrayList<>();
        for (int d = 0; d < amounts.length; d++) {
            double[] iv = prior.intervalProbabilities(d);
            double[] m = prior.meanAndSdProbability(d);
            dose.add((long) d + 1);
            amount.add(amounts[d]);
            mean.add(m[0]);
            sd.add(m[1]);
            under.add(iv[0]);
            target.add(iv[1]);
            over.add(iv[2]);
        }
        TableBuilder builder = Table.builder(context.allocator()).add("dose", ColumnType.INT64, dose)
                .add("amount", ColumnType.FLOAT64, amount).add("meanP", ColumnType.FLOAT64, mean)
                .add("sdP", ColumnType.FLOAT64, sd).add("pUnder", ColumnType.FLOAT64, under)
                .add("pTarget", ColumnType.FLOAT64, target).add("pOver", ColumnType.FLOAT64, over);
        if (overByDraws != null) {
            List<Object> draws = new ArrayList<>();
            for (double v : overByDraws) {
                draws.add(v);
            }
            builder.add("pOverDraws", ColumnType.FLOAT64, draws);
        }
        return builder.build();
    }
}
