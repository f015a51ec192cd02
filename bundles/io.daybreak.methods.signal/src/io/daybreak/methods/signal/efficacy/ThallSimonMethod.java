package io.daybreak.methods.signal.efficacy;

import static io.daybreak.core.method.TableSpec.column;
import static io.daybreak.data.ColumnType.FLOAT64;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.Method;
import io.daybreak.core.method.MethodContext;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.MethodResult;
import io.daybreak.core.method.Setting;
import io.daybreak.core.method.SettingsMethod;
import io.daybreak.core.method.TableSpec;
import io.daybreak.data.ColumnType;
import io.daybreak.data.Table;
import io.daybreak.stats.signal.efficacy.SuperiorityProbability;
import io.daybreak.stats.signal.efficacy.ThallSimon;

/**
 * {@code signal.thall-simon}: Thall &amp; Simon (1994) posterior monitoring boundaries of a single-arm trial against
 * a standard-of-care (SOC) prior, as {@code ph2bayes::stopbound_post} computes them, for every n = 1..nmax; and,
 * when the trial so far is given, its criterion values and decision.
 */
@Component(service = Method.class)
public final class ThallSimonMethod extends SettingsMethod<ThallSimonMethod.ThallSimonSettings> {
    static final String ID = "signal.thall-simon";
    static final String BOUNDARIES = "boundaries";

    /** What signal.thall-simon takes: nmax, the two priors, the margins and thresholds, and optionally the data. */
    record ThallSimonSettings(
            @Setting(unit = "patients", min = 1, max = 500, doc = "maximum number of patients on the experimental "
                    + "treatment; boundaries are computed for n = 1..nmax")
            int nmax,
            @Setting(min = 0, minInclusive = false, doc = "a_S: first shape of the standard-of-care Beta prior (e.g. 15 "
                    + "for a SOC response rate of 0.3 known as well as from 50 patients)")
            double standardA,
            @Setting(min = 0, minInclusive = false, doc = "b_S: second shape of the standard-of-care Beta prior (e.g. 35)")
            double standardB,
            @Setting(min = 0, minInclusive = false, optional = true, doc = "a_E: first shape of the experimental Beta "
                    + "prior; default: the SOC mean with effective sample size 2, a_E = 2 a_S / (a_S + b_S)")
            Double priorA,
            @Setting(min = 0, minInclusive = false, optional = true, doc = "b_E: second shape of the experimental Beta "
                    + "prior; default: 2 - a_E with the default a_E")
            Double priorB,
            @Setting(unit = "response rate", min = 0, max = 1, maxInclusive = false, defaultValue = "0",
                    doc = "delta: futility when P(p_E > p_S + delta | data) <= thetaFutility")
            double delta,
            @Setting(min = 0, max = 1, defaultValue = "0.05", doc = "theta_L: the futility threshold")
            double thetaFutility,
            @Setting(unit = "response rate", min = 0, max = 1, maxInclusive = false, defaultValue = "0",
                    doc = "delta_U: efficacy when P(p_E > p_S + delta_U | data) >= thetaEfficacy "
                            + "(ph2bayes::stopbound_post uses 0)")
            double deltaEfficacy,
            @Setting(min = 0, max = 1, defaultValue = "0.95", doc = "theta_U: the efficacy threshold")
            double thetaEfficacy,
            @Setting(unit = "patients", min = 1, optional = true, doc = "patients evaluated so far (optional: with "
                    + "responses, the current decision is reported)")
            Integer patients,
            @Setting(unit = "patients", min = 0, optional = true, doc = "responses so far among those patients")
            Integer responses) {

        ThallSimonSettings {
            if ((priorA == null) != (priorB == null)) {
                throw new InvalidParameterException("give both 'priorA' and 'priorB' (the experimental Beta prior) or "
                        + "neither (then the standard-of-care mean with effective sample size 2 is used)");
            }
            if (!(thetaFutility < thetaEfficacy)) {
                throw new InvalidParameterException("need thetaFutility < thetaEfficacy; got thetaFutility = "
                        + thetaFutility + ", thetaEfficacy = " + thetaEfficacy);
            }
            if ((patients == null) != (responses == null)) {
                throw new InvalidParameterException("give both 'patients' and 'responses' (the trial so far) or neither");
            }
            if (patients != null && patients > nmax) {
                throw new InvalidParameterException("parameter 'patients' = " + patients + " exceeds 'nmax' = " + nmax);
            }
            if (responses != null && responses > patients) {
                throw new InvalidParameterException("parameter 'responses' = " + responses + " exceeds 'patients' = "
                        + patients + "; allowed: 0 <= responses <= patients");
            }
        }

        /** a_E: given, or 2 × the SOC mean (Thall &amp; Simon's suggestion of a vague prior centred on the SOC). */
        double experimentalA() {
            return priorA != null ? priorA : 2 * standardA / (standardA + standardB);
        }

        double experimentalB() {
            return priorB != null ? priorB : 2 - experimentalA();
        }
    }

    public ThallSimonMethod() {
        super(ThallSimonSettings.class, MethodDescriptor.builder(ID,
                "Thall-Simon posterior monitoring boundaries against a standard-of-care prior")
                .category("signal")
                .reference("Thall & Simon, Biometrics 50:337-349 (1994); Yin, Clinical Trial Design (Wiley 2012); "
                        + "as ph2bayes::stopbound_post")
                .description("For each n = 1..nmax: the largest number of responses y for which "
                        + "P(p_E > p_S + delta | y, n) <= thetaFutility (stop for futility at y or fewer), and the "
                        + "smallest y for which P(p_E > p_S + deltaEfficacy | y, n) >= thetaEfficacy (stop for "
                        + "efficacy at y or more); p_E ~ Beta(priorA + y, priorB + n - y), p_S ~ Beta(standardA, "
                        + "standardB). The probabilities are one-dimensional integrals computed by graded composite "
                        + "Gauss-Legendre quadrature (accurate to about 1e-12).")
                .output(TableSpec.of(BOUNDARIES, "one row per n = 1..nmax; a boundary is null where no response count "
                        + "stops the trial at that n",
                        column("n", FLOAT64), column("futility_max_responses", FLOAT64),
                        column("efficacy_min_responses", FLOAT64), column("futility_probability", FLOAT64),
                        column("efficacy_probability", FLOAT64))));
    }

    @Override
    protected MethodResult run(Map<String, Table> inputs, ThallSimonSettings s, MethodContext context) {
        double a = s.experimentalA();
        double b = s.experimentalB();
        SuperiorityProbability futility = new SuperiorityProbability(a, b, s.standardA(), s.standardB(), s.delta());
        SuperiorityProbability efficacy = new SuperiorityProbability(a, b, s.standardA(), s.standardB(),
                s.deltaEfficacy());
        int nmax = s.nmax();
        ThallSimon.Result result = ThallSimon.boundaries(nmax, futility, s.thetaFutility(), efficacy,
                s.thetaEfficacy(), done -> {
                    context.checkCancelled();
                    if (done % 10 == 0 || done == nmax) {
                        context.progress((double) done / nmax, "boundaries up to n = " + done);
                    }
                });
        List<Object> n = new ArrayList<>();
        List<Object> lower = new ArrayList<>();
        List<Object> upper = new ArrayList<>();
        List<Object> lowerP = new ArrayList<>();
        List<Object> upperP = new ArrayList<>();
        for (ThallSimon.Boundary row : result.boundaries()) {
            n.add((double) row.patients());
            lower.add(row.futilityMax() < 0 ? null : (double) row.futilityMax());
            upper.add(row.efficacyMin() < 0 ? null : (double) row.efficacyMin());
            lowerP.add(row.futilityMax() < 0 ? null : row.futilityProbability());
            upperP.add(row.efficacyMin() < 0 ? null : row.efficacyProbability());
        }
        MethodResult.Builder out = MethodResult.builder();
        out.summary("priorA", a).summary("priorB", b).summary("quadratureDiscrepancy", result.quadratureDiscrepancy());
        if (s.patients() != null) {
            double pFutility = futility.probability(s.responses(), s.patients());
            double pEfficacy = efficacy.probability(s.responses(), s.patients());
            String decision = pFutility <= s.thetaFutility() ? "stop-futility"
                    : pEfficacy >= s.thetaEfficacy() ? "stop-efficacy" : "continue";
            out.summary("futilityProbability", pFutility).summary("efficacyProbability", pEfficacy)
                    .summary("decision", decision);
        }
        Table table = Table.builder(context.allocator())
                .add("n", ColumnType.FLOAT64, n)
                .add("futility_max_responses", ColumnType.FLOAT64, lower)
                .add("efficacy_min_responses", ColumnType.FLOAT64, upper)
                .add("futility_probability", ColumnType.FLOAT64, lowerP)
                .add("efficacy_probability", ColumnType.FLOAT64, upperP)
                .build();
        return out.output(BOUNDARIES, table).build();
    }
}
