package io.daybreak.methods.design.interval;

import static io.daybreak.core.method.TableSpec.column;
import static io.daybreak.data.ColumnType.BOOLEAN;
import static io.daybreak.data.ColumnType.FLOAT64;
import static io.daybreak.data.ColumnType.INT64;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;

import org.apache.commons.statistics.distribution.BetaDistribution;
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
import io.daybreak.methods.design.oc.DesignMethod;
import io.daybreak.stats.isotonic.IsotonicRegression;

/**
 * {@code design.boin-mtd}: R {@code BOIN::select.mtd} for a finished single-agent trial: the isotonic estimates of
 * the DLT rate per dose, BOIN's 95% intervals and overdose probabilities, the elimination of overly toxic doses and
 * the selected MTD.
 */
@Component(service = Method.class)
public final class BoinMtdMethod extends DesignMethod<BoinMtdMethod.MtdSettings> {
    /** What design.boin-mtd takes: the trial's counts per dose and select.mtd's options. */
    record MtdSettings(
            @Setting(unit = "patients", min = 0, doc = "patients treated per dose, e.g. 3,3,15,9,0 (BOIN's npts)")
            double[] patients,
            @Setting(unit = "DLTs", min = 0, doc = "DLTs observed per dose (BOIN's ntox)")
            double[] dlts,
            @Setting(unit = "DLT rate", min = 0, minInclusive = false, max = 1, maxInclusive = false,
                    doc = "target DLT rate")
            double target,
            EliminationRule elimination,
            @Setting(defaultValue = "false",
                    doc = "also eliminate every dose when P(p1 > target) > eliminationCutoff - offset at the lowest dose")
            boolean extraSafe,
            @Setting(min = 0, minInclusive = false, max = 0.5, maxInclusive = false, defaultValue = "0.05",
                    doc = "offset of the extra-safe rule")
            double offset,
            @Setting(defaultValue = "false",
                    doc = "the MTD's isotonic estimate must not exceed the de-escalation boundary lambda_d (BOIN's boundMTD)")
            boolean boundMtd,
            @Setting(min = 0, minInclusive = false, max = 1, maxInclusive = false, optional = true,
                    doc = "lowest overly toxic rate phi2 for lambda_d with boundMtd; default 1.4 target")
            Double pTox) {

        MtdSettings {
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
            if (pTox != null && !(pTox > target)) {
                throw new InvalidParameterException("parameter 'pTox' = " + pTox + " must be above the target ("
                        + target + ")");
            }
            if (boundMtd && pTox == null && !(1.4 * target < 1)) {
                throw new InvalidParameterException("with boundMtd, give 'pTox' (between the target and 1): its default "
                        + "1.4 target = " + 1.4 * target + " is not below 1");
            }
        }

        /** Counts come as reals (a list parameter is a list of reals): each must be a whole number. */
        private static int[] counts(String name, double[] values) {
            return DoseCounts.of(name, values);
        }
    }

    public BoinMtdMethod() {
        super(MtdSettings.class, MethodDescriptor.builder("design.boin-mtd",
                "BOIN MTD selection for observed data (BOIN select.mtd)")
                .category("design")
                .reference("Liu & Yuan, JRSS-C 64:507-523 (2015); Yan et al., J Stat Softw 94(13) (2020); "
                        + "R BOIN::select.mtd")
                .description("As BOIN's select.mtd: doses from the lowest with P(p > target | y, n) > eliminationCutoff "
                        + "under Beta(1, 1) (n >= 3) are eliminated (all doses with extraSafe at the lowest); the "
                        + "Beta(0.05, 0.05) posterior means of the other tried doses are made monotone by weighted "
                        + "isotonic regression and the dose closest to the target is the MTD (ties: the higher dose "
                        + "below the target, the lower above). Also isotonic estimates, 95% intervals and "
                        + "P(overdose) for every tried dose.")
                .output(TableSpec.of("estimates", "per dose: data, isotonic estimate, 95% interval, P(overdose), "
                        + "eliminated (NaN where no patient was treated)",
                        column("dose", INT64), column("patients", INT64), column("dlts", INT64),
                        column("phat", FLOAT64), column("lower", FLOAT64), column("upper", FLOAT64),
                        column("pOverdose", FLOAT64), column("eliminated", BOOLEAN))));
    }

    /** What select.mtd computes, per dose; NaN for untried doses. */
    record Selection(int mtd, boolean[] eliminated, double[] phat, double[] lower, double[] upper, double[] pOverdose) {
    }

    /** BOIN 2.7.2's select.mtd, expression by expression; {@code mtd} is 0-based or −1 for none (BOIN's 99). */
    static Selection select(double target, int[] n, int[] y, double cutoff, boolean extraSafe, double offset,
            boolean boundMtd, double pTox) {
        int doses = n.length;
        boolean[] eliminated = new boolean[doses];
        for (int i = 0; i < doses; i++) {
            if (n[i] >= 3 && 1 - BetaDistribution.of(y[i] + 1, n[i] - y[i] + 1).cumulativeProbability(target) > cutoff) {
                Arrays.fill(eliminated, i, doses, true);
                break;
            }
        }
        if (extraSafe && n[0] >= 3
                && 1 - BetaDistribution.of(y[0] + 1, n[0] - y[0] + 1).cumulativeProbability(target) > cutoff - offset) {
            Arrays.fill(eliminated, true);
        }
        int admissibleCount = 0;
        int[] admissible = new int[doses];
        for (int d = 0; d < doses; d++) {
            if (n[d] != 0 && !eliminated[d]) {
                admissible[admissibleCount++] = d;
            }
        }
        int mtd = -1;
        if (!eliminated[0] && admissibleCount > 0) {
            double[] fitted = IsotonicRegression.fit(posteriorMeans(n, y, admissible, admissibleCount),
                    weights(n, y, admissible, admissibleCount));
            int candidates = fitted.length;
            if (boundMtd) {
                double lambdaD = Math.log((1 - target) / (1 - pTox))
                        / Math.log(pTox * (1 - target) / (target * (1 - pTox)));
                candidates = 0;
                while (candidates < fitted.length && fitted[candidates] + (candidates + 1) * 1e-10 <= lambdaD) {
                    candidates++;
                }
            }
            double best = Double.POSITIVE_INFINITY;
            for (int i = 0; i < candidates; i++) {
                double distance = Math.abs(fitted[i] + (i + 1) * 1e-10 - target); // select.mtd's tie-breaking nudge
                if (distance < best) {
                    best = distance;
                    mtd = admissible[i];
                }
            }
        }
        int triedCount = 0;
        int[] tried = new int[doses];
        for (int d = 0; d < doses; d++) {
            if (n[d] != 0) {
                tried[triedCount++] = d;
            }
        }
        double[] weight = weights(n, y, tried, triedCount);
        double[] overdose = new double[triedCount];
        double[] low = new double[triedCount];
        double[] high = new double[triedCount];
        for (int k = 0; k < triedCount; k++) {
            BetaDistribution posterior = BetaDistribution.of(y[tried[k]] + 0.05, n[tried[k]] - y[tried[k]] + 0.05);
            overdose[k] = 1 - posterior.cumulativeProbability(target);
            low[k] = posterior.inverseCumulativeProbability(0.025);
            high[k] = posterior.inverseCumulativeProbability(0.975);
        }
        double[] ones = new double[triedCount];
        Arrays.fill(ones, 1);
        return new Selection(mtd, eliminated,
                spread(IsotonicRegression.fit(posteriorMeans(n, y, tried, triedCount), weight), tried, doses),
                spread(IsotonicRegression.fit(low, weight), tried, doses),
                spread(IsotonicRegression.fit(high, weight), tried, doses),
                spread(IsotonicRegression.fit(overdose, ones), tried, doses));
    }

    private static double[] posteriorMeans(int[] n, int[] y, int[] doses, int count) {
        double[] mean = new double[count];
        for (int k = 0; k < count; k++) {
            mean[k] = (y[doses[k]] + 0.05) / (n[doses[k]] + 0.1);
        }
        return mean;
    }

    /** Inverse Beta(y + 0.05, n − y + 0.05) variances, select.mtd's PAVA weights. */
    private static double[] weights(int[] n, int[] y, int[] doses, int count) {
        double[] weight = new double[count];
        for (int k = 0; k < count; k++) {
            double yy = y[doses[k]];
            double nn = n[doses[k]];
            weight[k] = 1 / ((yy + 0.05) * (nn - yy + 0.05) / ((nn + 0.1) * (nn + 0.1) * (nn + 0.1 + 1)));
        }
        return weight;
    }

    private static double[] spread(double[] values, int[] doses, int count) {
        double[] all = new double[count];
        Arrays.fill(all, Double.NaN);
        for (int k = 0; k < values.length; k++) {
            all[doses[k]] = values[k];
        }
        return all;
    }

    @Override
    protected MethodResult run(MtdSettings settings, MethodContext context) {
        int[] n = MtdSettings.counts("patients", settings.patients());
        int[] y = MtdSettings.counts("dlts", settings.dlts());
        double target = settings.target();
        Selection s = select(target, n, y, settings.elimination().eliminationCutoff(), settings.extraSafe(),
                settings.offset(), settings.boundMtd(), settings.pTox() != null ? settings.pTox() : 1.4 * target);
        List<Object> eliminated = new ArrayList<>();
        for (boolean e : s.eliminated()) {
            eliminated.add(e);
        }
        Table table = Table.builder(context.allocator())
                .addInt64("dose", LongStream.rangeClosed(1, n.length).toArray())
                .addInt64("patients", Arrays.stream(n).asLongStream().toArray())
                .addInt64("dlts", Arrays.stream(y).asLongStream().toArray())
                .addFloat64("phat", s.phat()).addFloat64("lower", s.lower()).addFloat64("upper", s.upper())
                .addFloat64("pOverdose", s.pOverdose())
                .add("eliminated", ColumnType.BOOLEAN, eliminated)
                .build();
        MethodResult.Builder result = MethodResult.builder().output("estimates", table);
        if (s.mtd() >= 0) {
            result.summary("mtd", (long) (s.mtd() + 1));
        }
        String decision = s.mtd() >= 0 ? "MTD: dose " + (s.mtd() + 1)
                : s.eliminated()[0] ? "no MTD: the lowest dose is eliminated as overly toxic"
                : "no MTD: no tried dose remains (or none meets boundMtd)";
        return result.summary("decision", decision)
                .summary("phat", s.phat())
                .summary("pOverdose", s.pOverdose())
                .build();
    }
}
