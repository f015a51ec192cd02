package io.daybreak.methods.stats.federated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.Test;

import io.daybreak.data.ColumnType;
import io.daybreak.data.Table;
import io.daybreak.federation.ReleaseGuard;
import io.daybreak.federation.ledger.RowSetLedger;
import io.daybreak.federation.policy.DisclosureException;
import io.daybreak.federation.policy.DisclosurePolicy;
import io.daybreak.stats.federated.FormulaReleases;
import io.daybreak.stats.models.formula.Formula;

/**
 * A site builds a formula's design once for the rounds of a fit, and still runs every release check in every round:
 * a policy that refuses the design refuses it from the kept design too, and a closed table's design is not reused.
 */
class FormulaDesignsTest extends FederatedTestSupport {
    private static Table table(BufferAllocator allocator) {
        List<Object> y = new ArrayList<>();
        List<Object> x = new ArrayList<>();
        List<Object> g = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            y.add(i % 3 == 0 ? 1.0 : 0.0);
            x.add(i * 0.5);
            g.add(i % 4 < 2 ? "a" : "b");
        }
        return Table.builder(allocator).add("y", ColumnType.FLOAT64, y).add("x", ColumnType.FLOAT64, x)
                .add("g", ColumnType.STRING, g).build();
    }

    @Test
    void theRoundsOfAFitShareOneDesignAndEveryRoundIsChecked() throws Exception {
        Formula formula = Formula.parse("formula", "y ~ x + g");
        Map<String, Object> arguments = FormulaReleases.arguments(formula, Map.of("g", List.of("a", "b")));
        try (RowSetLedger ledger = RowSetLedger.open(dir.resolve("l"))) {
            try (Table data = table(allocator)) {
                DisclosurePolicy defaults = DisclosurePolicy.DATASHIELD_DEFAULTS;
                var first = FormulaReleases.matrix(new ReleaseGuard(defaults, "d@1", 40, ledger), data, arguments, null);
                var second = FormulaReleases.matrix(new ReleaseGuard(defaults, "d@1", 40, ledger), data, arguments, null);
                assertSame(first, second, "the second round reuses the first round's design");
                assertEquals(List.of("(Intercept)", "x", "gb"), second.columnNames());
                // 20 rows at each level of g: a site asking for 21 per cell refuses, also from the kept design
                DisclosureException refused = assertThrows(DisclosureException.class, () -> FormulaReleases.matrix(
                        new ReleaseGuard(defaults.withMinCellCount(21), "d@1", 40, ledger), data, arguments, null));
                assertEquals("cell-count", refused.rule());
            }
            try (Table again = table(allocator)) {
                var rebuilt = FormulaReleases.matrix(new ReleaseGuard(DisclosurePolicy.DATASHIELD_DEFAULTS, "d@2", 40,
                        ledger), again, arguments, null);
                assertEquals(40, rebuilt.rows());
            }
        }
    }
}
