package io.daybreak.examples.betabinomial;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.LongStream;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.apache.commons.statistics.distribution.DiscreteDistribution;
import org.osgi.service.component.annotations.Component;

import static io.daybreak.core.method.TableSpec.column;
import static io.daybreak.data.ColumnType.BOOLEAN;
import static io.daybreak.data.ColumnType.FLOAT64;
import static io.daybreak.data.ColumnType.INT64;

import io.daybreak.core.method.Method;
import io.daybreak.core.method.MethodContext;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.MethodResult;
import io.daybreak.core.method.Setting;
import io.daybreak.core.method.SettingsMethod;
import io.daybreak.core.method.TableSpec;
import io.daybreak.data.Table;
import io.daybreak.stats.beta.BetaPosterior;

/**
 * Operating characteristics of the Beta-binomial decision rule "declare the rate above the threshold when
 * P(rate &gt; threshold | x) &gt; cutoff" for a single-arm cohort of n patients with true rate p: the
 * probability of declaring, both exactly (summing binomial probabilities over x = 0..n) and by simulating
 * trials. The template for simulation methods: replicate i draws only from {@code context.random(i)}, so
 * the result depends on the seed alone, not on the number of threads; it reports progress and stops
 * promptly when cancelled.
 */
@Component(service = Method.class)
public final class BetaBinomialSimulationMethod extends SettingsMethod<BetaBinomialSimulationMethod.SimulationSettings> {
    static final String ID = "example.beta-binomial-oc";
    private static final int CHUNK = 4096;

    /** What example.beta-binomial-oc takes: the true rate, the cohort, the prior and the decision rule. */
    record SimulationSettings(
            @Setting(unit = "rate", min = 0, max = 1, doc = "p: the true event rate")
            double trueRate,
            @Setting(unit = "patients", min = 1, max = 100_000, doc = "n: cohort size")
            int patients,
            BetaPrior prior,
            @Setting(unit = "rate", min = 0, max = 1, defaultValue = "0.3", doc = "the rate the rule compares against")
            double threshold,
            @Setting(min = 0, minInclusive = false, max = 1, maxInclusive = false, defaultValue = "0.9",
                    doc = "declare when P(rate > threshold | data) exceeds this posterior probability")
            double cutoff,
            @Setting(min = 1, max = 1_000_000_000, defaultValue = "100000", doc = "simulated trials")
            long trials) {
    }

    public BetaBinomialSimulationMethod() {
        super(SimulationSettings.class, MethodDescriptor.builder(ID,
                "Operating characteristics of a Beta-binomial threshold rule")
                .category("example")
                .reference("Thall & Simon, Biometrics 50:337-349 (1994), Bayesian monitoring of a binary rate")
                .description("Probability that a cohort of n patients with true rate p yields "
                        + "P(rate > threshold | data) > cutoff under a Beta(a, b) prior: exact by enumeration and "
                        + "estimated by simulating trials (with its Monte Carlo standard error).")
                .output(TableSpec.of("byEvents", "for each possible event count x: its probability, the decision "
                        + "and the simulated frequency", column("events", INT64), column("probability", FLOAT64),
                        column("declare", BOOLEAN), column("simulatedFraction", FLOAT64))));
    }

    @Override
    protected MethodResult run(Map<String, Table> inputs, SimulationSettings settings, MethodContext context) {
        int n = settings.patients();
        double p = settings.trueRate();
        long trials = settings.trials();
        boolean[] declare = decisions(n, settings);

        DiscreteDistribution binomial = BinomialDistribution.of(n, p);
        double exact = 0;
        double[] probability = new double[n + 1];
        for (int x = 0; x <= n; x++) {
            probability[x] = binomial.probability(x);
            if (declare[x]) {
                exact += probability[x];
            }
        }

        context.logger().log(System.Logger.Level.INFO, "simulating {0} trials of {1} patients, true rate {2}",
                trials, n, p);
        AtomicLongArray simulated = simulate(cumulative(probability), trials, n, context);
        long declared = 0;
        double[] fraction = new double[n + 1];
        long[] events = new long[n + 1];
        for (int x = 0; x <= n; x++) {
            events[x] = x;
            fraction[x] = (double) simulated.get(x) / trials;
            if (declare[x]) {
                declared += simulated.get(x);
            }
        }
        double estimate = (double) declared / trials;
        Table byEvents = Table.builder(context.allocator())
                .addInt64("events", events)
                .addFloat64("probability", probability)
                .addBoolean("declare", declare)
                .addFloat64("simulatedFraction", fraction)
                .build();
        return MethodResult.builder()
                .output("byEvents", byEvents)
                .summary("probDeclareExact", exact)
                .summary("probDeclareSimulated", estimate)
                .summary("monteCarloSe", Math.sqrt(estimate * (1 - estimate) / trials))
                .summary("minEventsToDeclare", firstDeclaring(declare))
                .summary("trials", trials)
                .build();
    }

    /** declare[x] for every possible event count x. */
    static boolean[] decisions(int n, SimulationSettings settings) {
        boolean[] declare = new boolean[n + 1];
        for (int x = 0; x <= n; x++) {
            BetaPosterior posterior = settings.prior().update(x, n);
            declare[x] = posterior.probabilityAbove(settings.threshold()) > settings.cutoff();
        }
        return declare;
    }

    private static long firstDeclaring(boolean[] declare) {
        for (int x = 0; x < declare.length; x++) {
            if (declare[x]) {
                return x;
            }
        }
        return -1;
    }

    /** The binomial CDF as a table, for sampling by inversion. */
    static double[] cumulative(double[] probability) {
        double[] cdf = new double[probability.length];
        double sum = 0;
        for (int x = 0; x < probability.length; x++) {
            sum += probability[x];
            cdf[x] = sum;
        }
        cdf[cdf.length - 1] = Double.POSITIVE_INFINITY; // absorbs rounding: every u < 1 maps to some x
        return cdf;
    }

    /** The smallest x with u &lt; cdf[x]: an exact draw from the binomial given a uniform u in [0, 1). */
    static int invert(double[] cdf, double u) {
        int low = 0;
        int high = cdf.length - 1; // cdf[high] is +infinity, so the answer is in [low, high]
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (u < cdf[mid]) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }

    /**
     * Counts of simulated event counts. Replicate r draws one uniform from stream r and inverts the
     * binomial CDF; chunks of replicates run in parallel, and the counts do not depend on the split.
     */
    private static AtomicLongArray simulate(double[] cdf, long trials, int n, MethodContext context) {
        AtomicLongArray counts = new AtomicLongArray(n + 1);
        AtomicLong done = new AtomicLong();
        long chunks = (trials + CHUNK - 1) / CHUNK;
        LongStream.range(0, chunks).parallel().forEach(chunk -> {
            context.checkCancelled();
            long first = chunk * CHUNK;
            long last = Math.min(trials, first + CHUNK);
            long[] local = new long[n + 1];
            for (long replicate = first; replicate < last; replicate++) {
                UniformRandomProvider random = context.random(replicate);
                local[invert(cdf, random.nextDouble())]++;
            }
            for (int x = 0; x <= n; x++) {
                if (local[x] != 0) {
                    counts.addAndGet(x, local[x]);
                }
            }
            context.progress((double) done.addAndGet(last - first) / trials, "simulated trials");
        });
        return counts;
    }
}
