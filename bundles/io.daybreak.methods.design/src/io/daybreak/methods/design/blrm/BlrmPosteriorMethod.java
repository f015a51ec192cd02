package io.daybreak.methods.design.blrm;

import static io.daybreak.core.method.TableSpec.column;
import static io.daybreak.data.ColumnType.BOOLEAN;
import static io.daybreak.data.ColumnType.FLOAT64;
import static io.daybreak.data.ColumnType.INT64;

import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Component;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.methods.design.oc.DoseCounts;
import io.daybreak.core.method.Method;
import io.daybreak.core.method.MethodContext;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.MethodResult;
import io.daybreak.core.method.Setting;
import io.daybreak.core.method.TableSpec;
import io.daybreak.data.ColumnType;
import io.daybreak.data.Table;
import io.daybreak.methods.design.oc.BlrmPrior;
import io.daybreak.methods.design.oc.DesignMethod;

/**
 * {@code design.blrm-posterior}: the BLRM posterior for the data of an ongoing trial and the dose EWOC
 * recommends next, as at a dose-escalation meeting.
 */
@Component(service = Method.class)
public final class BlrmPosteriorMethod extends DesignMethod<BlrmPosteriorMethod.PosteriorSettings> {
    /** What design.blrm-posterior takes: the trial's data so far and the BLRM prior. */
    record PosteriorSettings(
            @Setting(unit = "patients", min = 0, doc = "patients treated per dose, e.g. 3,3,6,0")
            double[] patients,
            @Setting(unit = "DLTs", min = 0, doc = "DLTs observed per dose")
            double[] dlts,
            BlrmPrior prior) {

        PosteriorSettings {
            int[] treated = counts("patients", patients);
            int[] observed = counts("dlts", dlts);
            if (observed.length != treated.length) {
                throw new InvalidParameterException("parameter 'dlts' has " + observed.length + " values but 'patients' "
                        + "has " + treated.length + "; they must match");
            }
            for (int d = 0; d < treated.length; d++) {
                if (observed[d] > treated[d]) {
                    throw new InvalidParameterException("parameter 'dlts': dose " + (d + 1) + " has " + observed[d]
                            + " DLTs but only " + treated[d] + " patients; allowed: 0 to " + treated[d]);
                }
            }
        }

        int[] patientCounts() {
            return counts("patients", patients);
        }

        int[] dltCounts() {
            return counts("dlts", dlts);
        }

        /** Counts come as reals (a list parameter is a list of reals): each must be a whole number. */
        private static int[] counts(String name, double[] values) {
            return DoseCounts.of(name, values);
        }
    }

    public BlrmPosteriorMethod() {
        super(PosteriorSettings.class, MethodDescriptor.builder(
                "design.blrm-posterior", "BLRM posterior and EWOC recommendation for observed data")
                .category("design")
                .reference("Neuenschwander, Branson & Gsponer, Stat Med 27:2420-2439 (2008)")
                .description("Posterior interval probabilities (underdosing, target, overdosing), mean and SD of the DLT "
                        + "probability per dose, and the next dose: the admissible dose (P(overdose) <= ewoc, at most one "
                        + "level above the highest dose tried) with the highest target probability.")
                .output(TableSpec.of("posterior", "per dose: data, posterior of p and interval probabilities",
                        column("dose", INT64), column("amount", FLOAT64), column("patients", INT64), column("dlts", INT64),
                        column("meanP", FLOAT64), column("sdP", FLOAT64), column("pUnder", FLOAT64),
                        column("pTarget", FLOAT64), column("pOver", FLOAT64), column("admissible", BOOLEAN))));
    }

    @Override
    protected MethodResult run(PosteriorSettings settings, MethodContext context) {
        int[] patients = settings.patientCounts();
        int[] dlts = settings.dltCounts();
        int highestTried = -1;
        for (int d = 0; d < patients.length; d++) {
            if (patients[d] > 0) {
                highestTried = d;
            }
        }
        BlrmPrior prior = settings.prior();
        BlrmPosterior posterior = BlrmPosterior.prior(prior, patients.length);
        posterior.condition(patients, dlts);
        double ewoc = prior.ewoc();
        double[] amounts = prior.amounts(patients.length);
        Columns columns = new Columns();
        int recommended = -1;
        double bestTarget = Double.NEGATIVE_INFINITY;
        for (int d = 0; d < patients.length; d++) {
            double[] intervals = posterior.intervalProbabilities(d);
            double[] moments = posterior.meanAndSdProbability(d);
            boolean admissible = intervals[2] <= ewoc && d <= highestTried + 1;
            columns.add(d, amounts[d], patients[d], dlts[d], moments, intervals, admissible);
            if (admissible && intervals[1] > bestTarget) {
                bestTarget = intervals[1];
                recommended = d;
            }
        }
        double[] theta = posterior.meanTheta();
        MethodResult.Builder result = MethodResult.builder().output("posterior", columns.table(context));
        if (recommended >= 0) {
            result.summary("recommendedDose", (long) (recommended + 1));
        }
        return result.summary("decision", recommended < 0 ? "stop: no dose satisfies EWOC" : "next dose " + (recommended + 1))
                .summary("posteriorMeanLogAlpha", theta[0])
                .summary("posteriorMeanLogBeta", theta[1])
                .summary("quadratureNodes", (long) posterior.nodes())
                .build();
    }

    /** Column buffers of the posterior table. */
    private static final class Columns {
        final List<Object> dose = new ArrayList<>();
        final List<Object> amount = new ArrayList<>();
        final List<Object> patients = new ArrayList<>();
        final List<Object> dlts = new ArrayList<>();
        final List<Object> mean = new ArrayList<>();
        final List<Object> sd = new ArrayList<>();
        final List<Object> under = new ArrayList<>();
        final List<Object> target = new ArrayList<>();
        final List<Object> over = new ArrayList<>();
        final List<Object> admissible = new ArrayList<>();

        void add(int d, double doseAmount, int n, int y, double[] moments, double[] intervals, boolean ok) {
            dose.add((long) d + 1);
            amount.add(doseAmount);
            patients.add((long) n);
            dlts.add((long) y);
            mean.add(moments[0]);
            sd.add(moments[1]);
            under.add(intervals[0]);
            target.add(intervals[1]);
            over.add(intervals[2]);
            admissible.add(ok);
        }

        Table table(MethodContext context) {
            return Table.builder(context.allocator()).add("dose", ColumnType.INT64, dose)
                    .add("amount", ColumnType.FLOAT64, amount).add("patients", ColumnType.INT64, patients)
                    .add("dlts", ColumnType.INT64, dlts).add("meanP", ColumnType.FLOAT64, mean)
                    .add("sdP", ColumnType.FLOAT64, sd).add("pUnder", ColumnType.FLOAT64, under)
                    .add("pTarget", ColumnType.FLOAT64, target).add("pOver", ColumnType.FLOAT64, over)
                    .add("admissible", ColumnType.BOOLEAN, admissible).build();
        }
    }
}
