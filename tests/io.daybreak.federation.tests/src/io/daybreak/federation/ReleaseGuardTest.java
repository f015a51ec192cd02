package io.daybreak.federation;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.BitSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.daybreak.federation.ledger.RowSetLedger;
import io.daybreak.federation.policy.DisclosureException;
import io.daybreak.federation.policy.DisclosurePolicy;

/** The guard's row-set checks: subset, complement and differencing, across requests and within one. */
class ReleaseGuardTest {
    private static final DisclosurePolicy DEFAULTS = DisclosurePolicy.DATASHIELD_DEFAULTS;

    @TempDir
    Path dir;

    private static BitSet range(int from, int to) {
        BitSet rows = new BitSet();
        rows.set(from, to);
        return rows;
    }

    @Test
    void aRowSetOneRowFromAnEarlierAnswerIsRefusedWhoeverAsks() throws IOException {
        try (RowSetLedger ledger = RowSetLedger.open(dir.resolve("ledger"))) {
            ReleaseGuard first = new ReleaseGuard(DEFAULTS, "d@1", 60, ledger);
            first.rows("the rows of the model", range(0, 60));
            first.commit();
            ReleaseGuard second = new ReleaseGuard(DEFAULTS, "d@1", 60, ledger);
            BitSet oneLess = range(0, 60);
            oneLess.clear(17);
            // the complement rule alone would refuse this one too (1 row outside); make the complement large
            DisclosureException complement = assertThrows(DisclosureException.class,
                    () -> second.rows("the rows of the model", oneLess));
            assertEquals("subset-size", complement.rule());
            ReleaseGuard third = new ReleaseGuard(DEFAULTS, "d@1", 60, ledger);
            third.rows("the rows of the model", range(0, 40));
            third.commit();
            ReleaseGuard fourth = new ReleaseGuard(DEFAULTS, "d@1", 60, ledger);
            DisclosureException differencing = assertThrows(DisclosureException.class,
                    () -> fourth.rows("the rows of the model", range(0, 41)));
            assertEquals("differencing", differencing.rule());
            assertTrue(!differencing.getMessage().matches(".*\\b(1|40|41)\\b.*"), differencing.getMessage());
            assertDoesNotThrow(() -> new ReleaseGuard(DEFAULTS, "d@1", 60, ledger).rows("same", range(0, 40)));
            assertDoesNotThrow(() -> new ReleaseGuard(DEFAULTS, "d@1", 60, ledger).rows("far", range(0, 43)));
        }
    }

    @Test
    void twoRowSetsOfOneRequestMustNotBeCloseEither() {
        ReleaseGuard guard = new ReleaseGuard(DEFAULTS, "d@1", 60, RowSetLedger.inMemory());
        guard.rows("column 'a'", range(0, 50));
        assertEquals("differencing", assertThrows(DisclosureException.class,
                () -> guard.rows("column 'b'", range(0, 49))).rule());
    }

    @Test
    void aRowSetThatWasOnlyCheckedStillCountsForLaterRequests() {
        // a later rule refused the first request, but its answer still depended on those rows
        RowSetLedger ledger = RowSetLedger.inMemory();
        new ReleaseGuard(DEFAULTS, "d@1", 60, ledger).rows("refused later", range(0, 30));
        assertEquals("differencing", assertThrows(DisclosureException.class,
                () -> new ReleaseGuard(DEFAULTS, "d@1", 60, ledger).rows("probe", range(0, 31))).rule());
    }

    @Test
    void binaryColumnsNeedEveryLevelAtTheMinimumCount() {
        ReleaseGuard guard = new ReleaseGuard(DEFAULTS, "d@1", 60, RowSetLedger.inMemory());
        double[] one = new double[20];
        one[4] = 1;
        assertEquals("cell-count", assertThrows(DisclosureException.class, () -> guard.binary("x", one)).rule());
        double[] three = new double[20];
        three[1] = 1;
        three[2] = 1;
        three[3] = 1;
        assertDoesNotThrow(() -> guard.binary("x", three));
        double[] threeValues = {0, 0, 0, 1, 2, 2, 2, 2};
        assertDoesNotThrow(() -> guard.binary("x", threeValues), "not a binary column");
        assertDoesNotThrow(() -> guard.binary("x", new double[] {5, 5, 5}), "a constant");
    }
}
