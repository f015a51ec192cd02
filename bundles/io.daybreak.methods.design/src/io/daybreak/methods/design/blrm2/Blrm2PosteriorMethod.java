package io.daybreak.methods.design.blrm2;

import static io.daybreak.core.method.TableSpec.column;
import static io.daybreak.data.ColumnType.BOOLEAN;
import static io.daybreak.data.ColumnType.FLOAT64;
import static io.daybreak.data.ColumnType.INT64;
import static io.daybreak.data.ColumnType.STRING;

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
import io.daybreak.data.ColumnType;
import io.daybreak.data.Table;
import io.daybreak.methods.design.oc.DesignMethod;
import io.daybreak.methods.design.oc.DoseCounts;

/**
 * {@code design.blrm-combo-posterior}: the posterior of the two-drug BLRM with interaction (Neuenschwander et al.
 * 2015, as OncoBayes2 parameterises it) for the data of an ongoing combination trial, and the combination EWOC
 * recommends next.
 */
@Component(service = Method.class)
public final class Blrm2PosteriorMethod extends DesignMethod<Blrm2PosteriorMethod.ComboPosteriorSettings> {
    /** The per-combination output table. */
    static final TableSpec POSTERIOR = TableSpec.of("posterior", "per combination: data, posterior of the DLT "
            + "probability, interval probabilities with their Monte Carlo SEs, EWOC and the no-skipping rule",
            column("doseA", INT64), column("doseB", INT64), column("amountA", FLOAT64), column("amountB", FLOAT64),
            column("patients", INT64), column("dlts", INT64), column("meanP", FLOAT64), column("seMeanP", FLOAT64),
            column("sdP", FLOAT64),
            column("pUnder", FLOAT64), column("pTarget", FLOAT64), column("pOver", FLOAT64),
            column("sePUnder", FLOAT64), column("sePTarget", FLOAT64), column("sePOver", FLOAT64),
            column("ewocOk", BOOLEAN), column("admissible", BOOLEAN));
    /** The dose-transition pathways of the next cohorts. */
    static final TableSpec PATHWAYS = TableSpec.of("pathways", "for every number of DLTs in each of the next "
            + "pathwayCohorts cohorts, the combination the design recommends next (from the posterior updated with that "
            + "cohort), its P(overdose) and the move in words; history: the earlier cohorts of the pathway",
            column("cohort", INT64), column("history", STRING), column("doseA", INT64), column("doseB", INT64),
            column("dlts", INT64), column("nextDoseA", INT64), column("nextDoseB", INT64), column("pOverNext", FLOAT64),
            column("decision", STRING));

    /** What design.blrm-combo-posterior takes: the data so far per combination and the model. */
    record ComboPosteriorSettings(
            @Setting(unit = "patients", min = 0, doc = "patients treated per combination, row by row (drug A level 1 "
                    + "with drug B levels 1..K, then drug A level 2, ...); one per combination of doseAmountsA x doseAmountsB")
            double[] patients,
            @Setting(unit = "DLTs", min = 0, doc = "DLTs observed per combination, in the order of 'patients'")
            double[] dlts,
            Blrm2Prior model,
            @Setting(min = 1000, max = 10_000_000, defaultValue = "200000",
                    doc = "importance-sampling draws from the t proposal (the run's seed, stream 0)")
            int draws,
            @Setting(min = 0, max = 3, defaultValue = "1", doc = "dose-transition pathways: how many cohorts ahead, "
                    + "from the recommended combination (0: none; the table has up to (pathwayCohortSize + 1)^k rows "
                    + "at depth k)")
            int pathwayCohorts,
            @Setting(unit = "patients", min = 1, max = 12, defaultValue = "3", doc = "patients per cohort in the pathways")
            int pathwayCohortSize,
            @Setting(min = 1000, max = 1_000_000, defaultValue = "20000", doc = "importance-sampling draws per pathway "
                    + "posterior (node k of the table on stream 1 + k)")
            int pathwayDraws) {

        /** Most posteriors the pathways may cost (84 for 3 cohorts of 3). */
        static final int MAX_PATHWAY_NODES = 400;

        ComboPosteriorSettings {
            long nodes = 0;
            for (int k = 1; k <= pathwayCohorts; k++) {
                nodes += (long) Math.pow(pathwayCohortSize + 1, k);
            }
            if (nodes > MAX_PATHWAY_NODES) {
                throw new InvalidParameterException("parameters 'pathwayCohorts' = " + pathwayCohorts + " and "
                        + "'pathwayCohortSize' = " + pathwayCohortSize + " give up to " + nodes + " pathway posteriors; "
                        + "allowed: at most " + MAX_PATHWAY_NODES + " (fewer cohorts ahead or a smaller cohort)");
            }
            int[] treated = DoseCounts.of("patients", patients);
            int[] observed = DoseCounts.of("dlts", dlts);
            if (observed.length != treated.length) {
                throw new InvalidParameterException("parameter 'dlts' has " + observed.length + " values but 'patients' "
                        + "has " + treated.length + "; they must match");
            }
            for (int c = 0; c < treated.length; c++) {
                if (observed[c] > treated[c]) {
                    throw new InvalidParameterException("parameter 'dlts': combination " + (c + 1) + " has "
                            + observed[c] + " DLTs but only " + treated[c] + " patients; allowed: 0 to " + treated[c]);
                }
            }
        }
    }

    public Blrm2PosteriorMethod() {
        super(ComboPosteriorSettings.class, MethodDescriptor.builder(
                "design.blrm-combo-posterior", "Two-drug BLRM with interaction: posterior and EWOC recommendation")
                .category("design")
                .reference("Neuenschwander, Matano, Tang, Roychoudhury, Wandel & Bailey, in Statistical Methods in Drug "
                        + "Combination Studies, Chapman & Hall/CRC (2015), ch. 6; R package OncoBayes2 (blrm_exnex, "
                        + "combo2 example)")
                .description("Posterior of the DLT probability of every combination of a two-drug grid under the BLRM "
                        + "with interaction (logistic marginals, odds(pi) = odds(pi_A + pi_B - pi_A pi_B) "
                        + "exp(eta d1/d1* d2/d2*)), by importance sampling from a t proposal at the Laplace fit. Reports "
                        + "mean, SD and the underdosing / target / overdosing probabilities with Monte Carlo SEs, and "
                        + "the next combination: the admissible one (P(overdose) <= ewoc, at most one level above a "
                        + "tried combination in each drug) with the highest target probability; and the dose-transition "
                        + "pathways of the next cohorts from it.")
                .output(POSTERIOR).output(PATHWAYS));
    }

    @Override
    protected MethodResult run(ComboPosteriorSettings s, MethodContext context) {
        Blrm2Prior prior = s.model();
        Blrm2Model model = prior.model();
        int[] n = DoseCounts.of("patients", s.patients());
        int[] y = DoseCounts.of("dlts", s.dlts());
        if (n.length != model.cells()) {
            throw new InvalidParameterException("parameter 'patients' has " + n.length + " values but the grid has "
                    + model.levelsA() + " x " + model.levelsB() + " = " + model.cells() + " combinations ('doseAmountsA' "
                    + "x 'doseAmountsB'); give one value per combination, row by row");
        }
        Blrm2Posterior posterior = Blrm2Posterior.sample(model, n, y, prior.checkedIntervals(), s.draws(),
                context.random(0));
        Recommendation next = Recommendation.of(model, n, posterior, prior.ewoc());
        Columns columns = new Columns();
        for (int c = 0; c < model.cells(); c++) {
            columns.add(model, c, n[c], y[c], posterior, next);
        }
        // before any patient the first cohort goes to A1 B1, the protocol's start, as in design.blrm-combo's trials
        boolean treated = java.util.Arrays.stream(n).anyMatch(k -> k > 0);
        List<Blrm2Pathways.Row> pathways = Blrm2Pathways.of(model, n, y, treated ? next.best() : 0,
                prior.checkedIntervals(),
                prior.ewoc(), s.pathwayCohorts(), s.pathwayCohortSize(), s.pathwayDraws(), k -> context.random(1L + k));
        MethodResult.Builder result = MethodResult.builder();
        if (next.best() >= 0) {
            result.summary("recommendedDoseA", (long) (next.best() / model.levelsB() + 1))
                    .summary("recommendedDoseB", (long) (next.best() % model.levelsB() + 1));
        }
        double[] mode = posterior.mode();
        return result.summary("decision", next.best() < 0 ? "stop: no admissible combination satisfies EWOC"
                        : "next combination A" + (next.best() / model.levelsB() + 1) + " B"
                                + (next.best() % model.levelsB() + 1))
                .summary("draws", (long) posterior.draws())
                .summary("effectiveSampleSize", posterior.effectiveSampleSize())
                .summary("modeLogAlphaA", mode[0]).summary("modeLogBetaA", mode[1])
                .summary("modeLogAlphaB", mode[2]).summary("modeLogBetaB", mode[3]).summary("modeEta", mode[4])
                .output(POSTERIOR.name(), columns.table(context))
                .output(PATHWAYS.name(), pathwaysTable(model, pathways, context)).build();
    }

    private static Table pathwaysTable(Blrm2Model model, List<Blrm2Pathways.Row> rows, MethodContext context) {
        List<Object> cohort = new ArrayList<>();
        List<Object> history = new ArrayList<>();
        List<Object> doseA = new ArrayList<>();
        List<Object> doseB = new ArrayList<>();
        List<Object> dlts = new ArrayList<>();
        List<Object> nextA = new ArrayList<>();
        List<Object> nextB = new ArrayList<>();
        List<Object> over = new ArrayList<>();
        List<Object> decision = new ArrayList<>();
        int kB = model.levelsB();
        for (Blrm2Pathways.Row r : rows) {
            cohort.add((long) r.cohort());
            history.add(r.history());
            doseA.add((long) (r.cell() / kB + 1));
            doseB.add((long) (r.cell() % kB + 1));
            dlts.add((long) r.dlts());
            nextA.add(r.next() < 0 ? null : (Object) (long) (r.next() / kB + 1));
            nextB.add(r.next() < 0 ? null : (Object) (long) (r.next() % kB + 1));
            over.add(r.next() < 0 ? null : (Object) r.overdoseNext());
            decision.add(Blrm2Pathways.decision(model, r.cell(), r.next()));
        }
        return Table.builder(context.allocator()).add("cohort", ColumnType.INT64, cohort)
                .add("history", ColumnType.STRING, history).add("doseA", ColumnType.INT64, doseA)
                .add("doseB", ColumnType.INT64, doseB).add("dlts", ColumnType.INT64, dlts)
                .add("nextDoseA", ColumnType.INT64, nextA).add("nextDoseB", ColumnType.INT64, nextB)
                .add("pOverNext", ColumnType.FLOAT64, over).add("decision", ColumnType.STRING, decision).build();
    }

    /** Column buffers of the posterior table. */
    private static final class Columns {
        final List<Object> doseA = new ArrayList<>();
        final List<Object> doseB = new ArrayList<>();
        final List<Object> amountA = new ArrayList<>();
        final List<Object> amountB = new ArrayList<>();
        final List<Object> patients = new ArrayList<>();
        final List<Object> dlts = new ArrayList<>();
        final List<Object> mean = new ArrayList<>();
        final List<Object> seMean = new ArrayList<>();
        final List<Object> sd = new ArrayList<>();
        final List<List<Object>> bands = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        final List<List<Object>> errors = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        final List<Object> ewocOk = new ArrayList<>();
        final List<Object> admissible = new ArrayList<>();

        void add(Blrm2Model model, int c, int n, int y, Blrm2Posterior posterior, Recommendation next) {
            int a = c / model.levelsB();
            int b = c % model.levelsB();
            doseA.add((long) a + 1);
            doseB.add((long) b + 1);
            amountA.add(model.amountA(a));
            amountB.add(model.amountB(b));
            patients.add((long) n);
            dlts.add((long) y);
            double[] m = posterior.moments(c);
            mean.add(m[0]);
            seMean.add(m[2]);
            sd.add(m[1]);
            double[] p = posterior.intervalProbabilities(c);
            double[] e = posterior.intervalErrors(c);
            for (int k = 0; k < 3; k++) {
                bands.get(k).add(p[k]);
                errors.get(k).add(e[k]);
            }
            ewocOk.add(next.ewocOk()[c]);
            admissible.add(next.admissible()[c]);
        }

        Table table(MethodContext context) {
            return Table.builder(context.allocator()).add("doseA", ColumnType.INT64, doseA)
                    .add("doseB", ColumnType.INT64, doseB).add("amountA", ColumnType.FLOAT64, amountA)
                    .add("amountB", ColumnType.FLOAT64, amountB).add("patients", ColumnType.INT64, patients)
                    .add("dlts", ColumnType.INT64, dlts).add("meanP", ColumnType.FLOAT64, mean)
                    .add("seMeanP", ColumnType.FLOAT64, seMean)
                    .add("sdP", ColumnType.FLOAT64, sd).add("pUnder", ColumnType.FLOAT64, bands.get(0))
                    .add("pTarget", ColumnType.FLOAT64, bands.get(1)).add("pOver", ColumnType.FLOAT64, bands.get(2))
                    .add("sePUnder", ColumnType.FLOAT64, errors.get(0))
                    .add("sePTarget", ColumnType.FLOAT64, errors.get(1))
                    .add("sePOver", ColumnType.FLOAT64, errors.get(2))
                    .add("ewocOk", ColumnType.BOOLEAN, ewocOk).add("admissible", ColumnType.BOOLEAN, admissible)
                    .build();
        }
    }
}
