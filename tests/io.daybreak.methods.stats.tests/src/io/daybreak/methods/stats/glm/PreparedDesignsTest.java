package io.daybreak.methods.stats.glm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.daybreak.data.Table;
import io.daybreak.methods.stats.StatsTestSupport;
import io.daybreak.stats.models.columns.NumericColumns;
import io.daybreak.stats.models.glm.DesignMatrix;

/**
 * One GLM site step serves every node of its JVM (three sites of a benchmark, or a node's several datasets): the
 * rounds of one analysis alternate between the sites' tables, and each table's design must be built once, not once
 * per round.
 */
class PreparedDesignsTest extends StatsTestSupport {

    @Test
    void theSitesOfOneAnalysisDoNotEvictEachOthersDesigns() {
        PreparedDesigns designs = new PreparedDesigns();
        List<Table> sites = new ArrayList<>();
        try {
            for (int s = 0; s < 3; s++) {
                sites.add(Table.builder(allocator).addFloat64("y", 1, 0, 1, 1).addFloat64("x", s, 1, 2, 3).build());
            }
            AtomicInteger built = new AtomicInteger();
            for (int round = 0; round < 6; round++) {
                for (Table site : sites) {
                    designs.get(site, "y", List.of("x"), () -> prepare(site, built));
                }
            }
            assertEquals(3, built.get(), "one design per site for all six rounds");
            // a fourth and fifth model on one table: its oldest goes, the other tables keep theirs
            designs.get(sites.get(0), "x", List.of("y"), () -> prepare(sites.get(0), built));
            designs.get(sites.get(0), "y", List.of(), () -> prepare(sites.get(0), built));
            designs.get(sites.get(1), "y", List.of("x"), () -> prepare(sites.get(1), built));
            designs.get(sites.get(0), "y", List.of("x"), () -> prepare(sites.get(0), built));
            assertEquals(6, built.get(), "site 1 kept its design; site 0 kept its two latest models only");
        } finally {
            sites.forEach(Table::close);
        }
    }

    private static PreparedDesigns.Prepared prepare(Table table, AtomicInteger built) {
        built.incrementAndGet();
        NumericColumns rows = NumericColumns.completeCases(table, "test", List.of("y", "x"));
        return new PreparedDesigns.Prepared(rows, DesignMatrix.of(rows, "y", List.of("x")));
    }
}
