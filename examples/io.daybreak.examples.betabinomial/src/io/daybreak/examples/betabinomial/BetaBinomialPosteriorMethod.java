package io.daybreak.examples.betabinomial;

import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.daybreak.core.method.InvalidParameterException;
import static io.daybreak.core.method.TableSpec.column;
import static io.daybreak.data.ColumnType.FLOAT64;

import io.daybreak.core.method.Method;
import io.daybreak.core.method.MethodContext;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.MethodResult;
import io.daybreak.core.method.Setting;
import io.daybreak.core.method.SettingsMethod;
import io.daybreak.core.method.TableSpec;
import io.daybreak.data.DoubleColumn;
import io.daybreak.data.Table;
import io.daybreak.stats.beta.BetaPosterior;

/**
 * The template method: the Beta-binomial posterior of a response or DLT rate. Given x events among n
 * patients (as counts, or as an input table of 0/1 outcomes) and a Beta(a, b) prior, it reports the
 * posterior Beta(a + x, b + n - x), its mean and standard deviation, an equal-tailed credible interval and
 * P(rate &gt; threshold), and returns the posterior density and distribution function on a grid.
 *
 * <p>Copy this bundle to start a method of your own: a DS component providing {@link Method} (through
 * {@link SettingsMethod}), a settings record whose {@link Setting} components declare and document every
 * parameter (its constructor refuses combinations of values, before any run starts), a stateless {@code run}
 * that gets the bound record and checks what needs the inputs, and outputs allocated from the context's allocator.
 */
@Component(service = Method.class)
public final class BetaBinomialPosteriorMethod extends SettingsMethod<BetaBinomialPosteriorMethod.PosteriorSettings> {
    static final String ID = "example.beta-binomial";
    static final String OUTCOME_COLUMN = "AVAL";

    /** What example.beta-binomial takes: the counts (absent when an outcomes table is given) and the prior. */
    record PosteriorSettings(
            @Setting(unit = "patients", min = 0, optional = true,
                    doc = "x: patients with the event (response or DLT); omit when an outcomes table is given")
            Long events,
            @Setting(unit = "patients", min = 0, optional = true,
                    doc = "n: patients evaluated; omit when an outcomes table is given")
            Long patients,
            BetaPrior prior,
            @Setting(unit = "rate", min = 0, max = 1, defaultValue = "0.3",
                    doc = "rate whose exceedance probability P(rate > threshold) is reported")
            double threshold,
            @Setting(min = 0, minInclusive = false, max = 1, maxInclusive = false, defaultValue = "0.95",
                    doc = "coverage of the equal-tailed credible interval")
            double level,
            @Setting(min = 2, max = 100_000, defaultValue = "101",
                    doc = "points of the posterior grid output, equally spaced on [0, 1]")
            int gridPoints) {

        PosteriorSettings {
            if (events != null && patients != null && events > patients) {
                throw new InvalidParameterException("parameter 'events' = " + events + " exceeds 'patients' = "
                        + patients + "; allowed: 0 <= events <= patients");
            }
        }
    }

    public BetaBinomialPosteriorMethod() {
        super(PosteriorSettings.class, MethodDescriptor.builder(ID,
                "Beta-binomial posterior of a response or DLT rate")
                .category("example")
                .reference("Gelman et al., Bayesian Data Analysis, 3rd ed., section 2.4 (conjugate Beta-binomial model)")
                .description("Posterior Beta(a + x, b + n - x) of a binary rate after x events in n patients under a "
                        + "Beta(a, b) prior: mean, SD, equal-tailed credible interval and P(rate > threshold). "
                        + "Give the counts (events, patients) or an input table 'outcomes' with a 0/1 column AVAL.")
                .input(TableSpec.optional("outcomes",
                        "one row per patient; AVAL = 1 for an event, 0 for none; null rows are not evaluable",
                        column(OUTCOME_COLUMN, FLOAT64)))
                .output(TableSpec.of("posterior", "posterior density and CDF on a grid of rates",
                        column("rate", FLOAT64), column("density", FLOAT64), column("cdf", FLOAT64))));
    }

    @Override
    protected MethodResult run(Map<String, Table> inputs, PosteriorSettings settings, MethodContext context) {
        long[] counts = counts(inputs.get("outcomes"), settings);
        long events = counts[0];
        long patients = counts[1];
        BetaPosterior posterior = settings.prior().update(events, patients);
        double level = settings.level();
        double threshold = settings.threshold();
        double[] interval = posterior.equalTailedInterval(level);
        Table grid = PosteriorGrid.build(posterior, settings.gridPoints(), context.allocator());
        return MethodResult.builder()
                .output("posterior", grid)
                .summary("events", events)
                .summary("patients", patients)
                .summary("posteriorA", posterior.alpha())
                .summary("posteriorB", posterior.beta())
                .summary("mean", posterior.mean())
                .summary("sd", posterior.standardDeviation())
                .summary("level", level)
                .summary("lower", interval[0])
                .summary("upper", interval[1])
                .summary("threshold", threshold)
                .summary("probAboveThreshold", posterior.probabilityAbove(threshold))
                .build();
    }

    /** (events, patients) from the counts or from the outcomes table, never both (which needs the inputs). */
    private static long[] counts(Table outcomes, PosteriorSettings settings) {
        boolean haveCounts = settings.events() != null || settings.patients() != null;
        if (outcomes != null) {
            if (haveCounts) {
                throw new InvalidParameterException("give either an outcomes table or events/patients, not both");
            }
            return countOutcomes(outcomes);
        }
        if (settings.events() == null || settings.patients() == null) {
            throw new InvalidParameterException("parameters 'events' and 'patients' are required "
                    + "(integers, 0 <= events <= patients) unless an outcomes table is given");
        }
        return new long[] {settings.events(), settings.patients()};
    }

    private static long[] countOutcomes(Table outcomes) {
        DoubleColumn outcome = outcomes.doubles(OUTCOME_COLUMN);
        long events = 0;
        long patients = 0;
        for (int row = 0; row < outcome.size(); row++) {
            if (outcome.isNull(row)) {
                continue;
            }
            double value = outcome.get(row);
            if (value != 0 && value != 1) {
                throw new InvalidParameterException("input 'outcomes' row " + (row + 1) + ": " + OUTCOME_COLUMN + " = "
                        + value + "; allowed: 0, 1 or null");
            }
            patients++;
            events += (long) value;
        }
        return new long[] {events, patients};
    }
}
