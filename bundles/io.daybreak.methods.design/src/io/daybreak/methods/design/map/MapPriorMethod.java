package io.daybreak.methods.design.map;

import static io.daybreak.core.method.TableSpec.column;
import static io.daybreak.data.ColumnType.FLOAT64;
import static io.daybreak.data.ColumnType.INT64;
import static io.daybreak.data.ColumnType.STRING;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.Method;
import io.daybreak.core.method.MethodContext;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.MethodResult;
import io.daybreak.core.method.Setting;
import io.daybreak.core.method.SettingsMethod;
import io.daybreak.core.method.TableSpec;
import io.daybreak.data.DoubleColumn;
import io.daybreak.data.StringColumn;
import io.daybreak.data.Table;

/**
 * {@code design.map-prior}: the meta-analytic-predictive prior of a response rate from historical studies' summaries
 * (RBesT {@code gMAP} with a half-normal prior on τ, then {@code automixfit}, {@code ess} and {@code robustify}).
 */
@Component(service = Method.class)
public final class MapPriorMethod extends SettingsMethod<MapPriorMethod.MapPriorSettings> {
    public static final String ID = "design.map-prior";
    static final String INPUT = "studies";

    /** What design.map-prior takes: the studies (as parameters, or the input table) and the model options. */
    record MapPriorSettings(
            @Setting(unit = "patients", min = 1, optional = true, doc = "patients per historical study, e.g. "
                    + "30,45,25 (with 'responses'); or give the input table 'studies' instead")
            double[] patients,
            @Setting(unit = "responses", min = 0, optional = true, doc = "responses per study, in the order of "
                    + "'patients'")
            double[] responses,
            @Setting(optional = true, doc = "study labels separated by commas, in the order of 'patients' (default "
                    + "S1, S2, ...)")
            String studyNames,
            MapOptions model) {

        MapPriorSettings {
            if ((patients == null) != (responses == null)) {
                throw new InvalidParameterException("give both 'patients' and 'responses' (one value per study), or "
                        + "neither and the input table 'studies'");
            }
            if (patients != null && patients.length != responses.length) {
                throw new InvalidParameterException("'patients' has " + patients.length + " values and 'responses' "
                        + responses.length + "; give one of each per study");
            }
            if (studyNames != null && patients == null) {
                throw new InvalidParameterException("'studyNames' labels 'patients' and 'responses'; with the input "
                        + "table the labels are its column 'study'");
            }
        }
    }

    public MapPriorMethod() {
        super(MapPriorSettings.class, MethodDescriptor.builder(ID,
                "Meta-analytic-predictive (MAP) prior of a response rate from historical studies")
                .category("design")
                .reference("Neuenschwander et al., Clin Trials 7:5-18 (2010); Schmidli et al., Biometrics 70:1023-1032 "
                        + "(2014); Neuenschwander et al., Biometrics 76:1093-1102 (2020); R package RBesT (gMAP, "
                        + "automixfit, ess, robustify)")
                .description("Random-effects meta-analysis of historical studies' responses r of n: logit(p_h) ~ "
                        + "N(mu, tau^2), mu ~ N(muPriorMean, muPriorSd^2), tau ~ HalfNormal(tauScale). The MAP prior "
                        + "is the predictive distribution of the response rate of a new study, computed by "
                        + "deterministic quadrature (no MCMC), approximated by a mixture of betas (EM, number of "
                        + "components by AIC), with its effective sample size (elir, moment, morita), an optional "
                        + "robust component, the posterior of tau and forest-plot data. The mixture string feeds "
                        + "design.bop2 and design.pp-monitor (priorMixture).")
                .input(TableSpec.optional(INPUT, "one row per historical study: its label, patients n and responses r",
                        column("study", STRING), column("patients", FLOAT64), column("responses", FLOAT64)))
                .output(TableSpec.of("mixture", "the beta-mixture approximation of the MAP prior: component, weight w, "
                        + "Beta(a, b), its mean and sd", column("component", INT64), column("w", FLOAT64),
                        column("a", FLOAT64), column("b", FLOAT64), column("mean", FLOAT64), column("sd", FLOAT64)))
                .output(TableSpec.of("robustMixture", "the mixture with the robust component (last) of weight "
                        + "robustWeight; equal to 'mixture' when robustWeight = 0", column("component", INT64),
                        column("w", FLOAT64), column("a", FLOAT64), column("b", FLOAT64), column("mean", FLOAT64),
                        column("sd", FLOAT64)))
                .output(TableSpec.of("forest", "forest-plot data: per study the observed rate with its exact 95% "
                        + "interval and the model's shrinkage estimate (posterior mean, sd); last row 'MAP': the MAP "
                        + "prior's mean and 95% interval", column("study", STRING), column("patients", INT64),
                        column("responses", INT64), column("estimate", FLOAT64), column("lower", FLOAT64),
                        column("upper", FLOAT64), column("shrinkageMean", FLOAT64), column("shrinkageSd", FLOAT64))));
    }

    @Override
    protected MethodResult run(Map<String, Table> inputs, MapPriorSettings settings, MethodContext context) {
        List<MapModel.Study> studies = studies(inputs.get(INPUT), settings);
        context.progress(0, "integrating the MAP model over (mu, tau)");
        context.checkCancelled();
        MapPrior.Result result = MapPrior.compute(studies, settings.model());
        context.progress(1, "done");
        Table mixture = MapReport.mixture(result.chosen().mixture(), context.allocator());
        Table robust = null;
        Table forest;
        try {
            robust = MapReport.mixture(result.robust(), context.allocator());
            forest = MapReport.forest(result, context.allocator());
        } catch (RuntimeException | Error e) {
            mixture.close();
            if (robust != null) {
                robust.close();
            }
            throw e;
        }
        MethodResult.Builder builder = MethodResult.builder().output("mixture", mixture)
                .output("robustMixture", robust).output("forest", forest);
        MapReport.summary(result).forEach(builder::summary);
        return builder.build();
    }

    /** The studies from the parameters or the input table (exactly one of them), checked. */
    static List<MapModel.Study> studies(Table table, MapPriorSettings settings) {
        List<MapModel.Study> out = new ArrayList<>();
        if (settings.patients() != null) {
            if (table != null) {
                throw new InvalidParameterException("give the studies either as 'patients' and 'responses' or as the "
                        + "input table 'studies', not both");
            }
            String[] names = null;
            if (settings.studyNames() != null) {
                names = settings.studyNames().split(",", -1);
                if (names.length != settings.patients().length) {
                    throw new InvalidParameterException("'studyNames' has " + names.length + " labels for "
                            + settings.patients().length + " studies");
                }
            }
            for (int h = 0; h < settings.patients().length; h++) {
                String name = names != null ? names[h].trim() : "S" + (h + 1);
                out.add(study(name, settings.patients()[h], settings.responses()[h], "study " + (h + 1)
                        + " of 'patients'/'responses'"));
            }
        } else {
            if (table == null) {
                throw new InvalidParameterException("no historical studies: give 'patients' and 'responses', or the "
                        + "input table 'studies' (columns study, patients, responses)");
            }
            StringColumn name = table.strings("study");
            DoubleColumn n = table.doubles("patients");
            DoubleColumn r = table.doubles("responses");
            for (int i = 0; i < table.rowCount(); i++) {
                if (name.isNull(i) || name.get(i).isBlank()) {
                    throw new InvalidParameterException("input 'studies', row " + (i + 1) + ": column 'study' is empty");
                }
                out.add(study(name.get(i), n.get(i), r.get(i), "input 'studies', row " + (i + 1)));
            }
        }
        if (out.isEmpty()) {
            throw new InvalidParameterException("no historical studies given");
        }
        Set<String> seen = new HashSet<>();
        for (MapModel.Study s : out) {
            if (!seen.add(s.name())) {
                throw new InvalidParameterException("study '" + s.name() + "' appears twice; each study is one row");
            }
        }
        return out;
    }

    static MapModel.Study study(String name, double n, double r, String where) {
        if (!(n >= 1) || n != Math.rint(n) || n > 1e9) {
            throw new InvalidParameterException(where + ": patients = " + n + "; need a whole number >= 1");
        }
        if (!(r >= 0) || r != Math.rint(r) || r > n) {
            throw new InvalidParameterException(where + ": responses = " + r + "; need a whole number in [0, patients = "
                    + (long) n + "]");
        }
        return new MapModel.Study(name, (long) n, (long) r);
    }
}
