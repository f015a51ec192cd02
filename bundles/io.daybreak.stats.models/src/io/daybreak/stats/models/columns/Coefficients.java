package io.daybreak.stats.models.columns;

import static io.daybreak.core.method.TableSpec.column;
import static io.daybreak.data.ColumnType.FLOAT64;
import static io.daybreak.data.ColumnType.STRING;

import java.util.List;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

import io.daybreak.core.method.TableSpec;
import io.daybreak.data.Table;

/** The coefficient table of a regression: estimate, standard error, Wald statistic and p-value per term. */
public final class Coefficients {
    public static final TableSpec SPEC = TableSpec.of("coefficients", "one row per model term",
            column("term", STRING), column("estimate", FLOAT64), column("stdError", FLOAT64),
            column("statistic", FLOAT64), column("pValue", FLOAT64));

    private Coefficients() {
    }

    /**
     * The table; p-values from the normal distribution, or from Student's t with {@code tDf} degrees of
     * freedom when tDf &gt; 0 (a GLM with estimated dispersion, as R's {@code summary.glm}).
     */
    public static Table table(BufferAllocator allocator, List<String> terms, double[] estimate, double[] se, double tDf) {
        int k = terms.size();
        double[] statistic = new double[k];
        double[] p = new double[k];
        for (int a = 0; a < k; a++) {
            statistic[a] = estimate[a] / se[a];
            double tail = tDf > 0 ? TDistribution.of(tDf).survivalProbability(Math.abs(statistic[a]))
                    : NormalDistribution.of(0, 1).survivalProbability(Math.abs(statistic[a]));
            p[a] = 2 * tail;
        }
        return Table.builder(allocator).add("term", io.daybreak.data.ColumnType.STRING, List.copyOf(terms))
                .addFloat64("estimate", estimate).addFloat64("stdError", se).addFloat64("statistic", statistic)
                .addFloat64("pValue", p).build();
    }
}
