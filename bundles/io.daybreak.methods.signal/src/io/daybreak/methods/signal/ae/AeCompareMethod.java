package io.daybreak.methods.signal.ae;

import static io.daybreak.core.method.TableSpec.column;
import static io.daybreak.data.ColumnType.FLOAT64;
import static io.daybreak.data.ColumnType.STRING;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.commons.rng.UniformRandomProvider;
import org.osgi.service.component.annotations.Component;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.Method;
import io.daybreak.core.method.MethodContext;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.MethodResult;
import io.daybreak.core.method.SettingsMethod;
import io.daybreak.core.method.TableSpec;
import io.daybreak.data.ColumnType;
import io.daybreak.data.Table;
import io.daybreak.data.TableBuilder;
import io.daybreak.stats.signal.ae.AeCompare;
import io.daybreak.stats.signal.ae.AeComparison;
import io.daybreak.stats.signal.ae.AeCounts;

/**
 * {@code signal.ae-compare}: the adverse-event table of a trial, each arm (dose level) against the control arm, per
 * preferred term within body system ({@link AeCompare}). Inputs are ADaM ADAE and, optionally, ADSL (see
 * {@link AeTables} for the two layouts). The Berry &amp; Berry chains draw from the run's random streams
 * {@code k · chains + c}, so a run is reproducible from its seed.
 */
@Component(service = Method.class)
public final class AeCompareMethod extends SettingsMethod<AeSettings> {
    public static final String ID = "signal.ae-compare";

    static final TableSpec AE = TableSpec.of("ae", "one row per adverse event (term within body system) and compared "
            + "arm", column("body_system", STRING), column("term", STRING), column("arm", STRING),
            column("control_arm", STRING), column("n_arm", FLOAT64), column("N_arm", FLOAT64),
            column("incidence_arm", FLOAT64), column("n_control", FLOAT64), column("N_control", FLOAT64),
            column("incidence_control", FLOAT64), column("risk_difference", FLOAT64), column("rd_lower", FLOAT64),
            column("rd_upper", FLOAT64), column("risk_ratio", FLOAT64), column("rr_lower", FLOAT64),
            column("rr_upper", FLOAT64), column("eair_arm", FLOAT64), column("eair_control", FLOAT64),
            column("fisher_p", FLOAT64), column("bh_p", FLOAT64), column("double_fdr_p", FLOAT64),
            column("bb_prob_raised", FLOAT64));
    static final TableSpec DIAGNOSTICS = TableSpec.of("diagnostics", "Berry & Berry sampler convergence per monitored "
            + "parameter ('<arm>: theta[<body system> | <term>]', gamma, pi, alpha.pi, beta.pi): R-hat (coda "
            + "gelman.diag point estimate, autoburnin = FALSE) and ESS (coda effectiveSize summed over chains)",
            column("parameter", STRING), column("rhat", FLOAT64), column("ess", FLOAT64));

    public AeCompareMethod() {
        super(AeSettings.class, MethodDescriptor.builder(ID,
                "Trial adverse events by arm: incidence, risk difference and ratio, EAIR, Fisher, BH, Double FDR, "
                        + "Berry & Berry")
                .category("signal")
                .reference("Mehrotra & Heyse (2004) Stat Methods Med Res 13:227-238; Berry & Berry (2004) Biometrics "
                        + "60:418-426; Newcombe (1998) Stat Med 17:873-890; R package c212 1.0.1 (c212.BH, "
                        + "c212.err.cntrl DFDR, c212.BB); validated by docs/validation/r/signal/ae-compare.R")
                .description("Per preferred term within body system and per arm against 'controlArm': patients with "
                        + "the event (once per term, optionally grade >= minGrade) and at risk, incidences, risk "
                        + "difference with Newcombe's hybrid score interval, risk ratio with the Katz log interval "
                        + "(0.5 added to each cell when one count is 0), exposure-adjusted incidence rates (patients "
                        + "with the event per 100 patient-years of TRTDURD, a year = 365.25 days), two-sided Fisher "
                        + "exact p, BH-adjusted p within body system, Mehrotra-Heyse Double FDR adjusted p (the "
                        + "smallest alpha at which c212's DFDR flags the event) and the Berry & Berry posterior "
                        + "P(theta > 0) of the three-level point-mass mixture model with c212.BB's priors.")
                .input(TableSpec.of("adae", "ADaM ADAE: one row per adverse-event record; without 'adsl', ADSL "
                        + "joined to ADAE (a patient without events has one row with an empty term)"))
                .input(TableSpec.optional("adsl", "ADaM ADSL: one row per patient with arm and TRTDURD"))
                .output(AE)
                .output(DIAGNOSTICS));
    }

    @Override
    protected MethodResult run(Map<String, Table> inputs, AeSettings settings, MethodContext context) {
        Table adae = inputs.get("adae");
        if (adae == null) {
            throw new InvalidParameterException("input table 'adae' is required (run with --in adae=file.csv)");
        }
        AeCounts counts = AeTables.count(adae, inputs.get("adsl"), settings.columns());
        if (counts.arm(settings.controlArm()) < 0) {
            throw new InvalidParameterException("parameter 'controlArm' = '" + settings.controlArm() + "' is not an arm "
                    + "of column '" + settings.columns().armColumn() + "'; arms: " + counts.arms());
        }
        if (counts.events().isEmpty()) {
            throw new InvalidParameterException("input 'adae' has no adverse events"
                    + (settings.columns().minGrade() != null ? " of grade >= " + settings.columns().minGrade() : ""));
        }
        context.checkCancelled();
        AeCompare.Result result = compare(counts, settings, context::random, context::checkCancelled);
        return result(result, counts, context.allocator()).build();
    }

    /** The engine call shared with the federated method. */
    static AeCompare.Result compare(AeCounts counts, AeSettings settings,
            LongFunction<UniformRandomProvider> streams, Runnable checkpoint) {
        try {
            return AeCompare.compare(counts, settings.controlArm(), settings.level(), settings.sampler(),
                    i -> streams.apply(i), checkpoint);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(e.getMessage());
        }
    }

    /** Tables "ae" and "diagnostics" and the summaries. */
    static MethodResult.Builder result(AeCompare.Result result, AeCounts counts, BufferAllocator allocator) {
        MethodResult.Builder out = MethodResult.builder();
        out.output("ae", aeTable(result.rows(), allocator));
        out.output("diagnostics", diagnosticsTable(result.diagnostics(), allocator));
        double maxRhat = Double.NaN;
        double minEss = Double.NaN;
        for (AeCompare.Diagnostic d : result.diagnostics()) {
            maxRhat = Double.isNaN(maxRhat) || d.rhat() > maxRhat ? d.rhat() : maxRhat;
            minEss = Double.isNaN(minEss) || d.ess() < minEss ? d.ess() : minEss;
        }
        out.summary("events", (long) counts.events().size()).summary("arms", (long) counts.arms().size())
                .summary("rows", (long) result.rows().size());
        if (!result.diagnostics().isEmpty()) {
            out.summary("maxRhat", maxRhat).summary("minEss", minEss);
        }
        return out;
    }

    private static Table aeTable(List<AeComparison> rows, BufferAllocator allocator) {
        String[] names = {"body_system", "term", "arm", "control_arm", "n_arm", "N_arm", "incidence_arm", "n_control",
            "N_control", "incidence_control", "risk_difference", "rd_lower", "rd_upper", "risk_ratio", "rr_lower",
            "rr_upper", "eair_arm", "eair_control", "fisher_p", "bh_p", "double_fdr_p", "bb_prob_raised"};
        List<List<Object>> cols = new ArrayList<>();
        for (int c = 0; c < names.length; c++) {
            cols.add(new ArrayList<>());
        }
        for (AeComparison r : rows) {
            Object[] v = {r.bodySystem(), r.term(), r.arm(), r.controlArm(), (double) r.nArm(), (double) r.atRiskArm(),
                r.incidenceArm(), (double) r.nControl(), (double) r.atRiskControl(), r.incidenceControl(),
                r.riskDifference(), r.rdLower(), r.rdUpper(), r.riskRatio(), r.rrLower(), r.rrUpper(), r.eairArm(),
                r.eairControl(), r.fisherP(), r.bhP(), r.doubleFdrP(), r.bbProbRaised()};
            for (int c = 0; c < v.length; c++) {
                cols.get(c).add(v[c] instanceof Double d && Double.isNaN(d) ? null : v[c]);
            }
        }
        TableBuilder b = Table.builder(allocator);
        for (int c = 0; c < names.length; c++) {
            b.add(names[c], c < 4 ? ColumnType.STRING : ColumnType.FLOAT64, cols.get(c));
        }
        return b.build();
    }

    private static Table diagnosticsTable(List<AeCompare.Diagnostic> diagnostics, BufferAllocator allocator) {
        List<Object> names = new ArrayList<>();
        List<Object> rhat = new ArrayList<>();
        List<Object> ess = new ArrayList<>();
        for (AeCompare.Diagnostic d : diagnostics) {
            names.add(d.arm() + ": " + d.parameter());
            rhat.add(Double.isNaN(d.rhat()) ? null : d.rhat());
            ess.add(d.ess());
        }
        return Table.builder(allocator).add("parameter", ColumnType.STRING, names)
                .add("rhat", ColumnType.FLOAT64, rhat).add("ess", ColumnType.FLOAT64, ess).build();
    }
}
