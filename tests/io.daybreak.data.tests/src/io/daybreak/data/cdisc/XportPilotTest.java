package io.daybreak.data.cdisc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.daybreak.data.ArrowTestSupport;
import io.daybreak.data.Table;

/**
 * Optional, run locally, not in CI: the SAS-written CDISC pilot ADaM transport files (SAS 9.3), which are not in the
 * repository (where to get them: docs/data.md, "The CDISC pilot data, locally"). Run with the folder holding
 * adsl.xpt, adtte.xpt and adae.xpt (and, for the last test, CDISC's Dataset-JSON adtte.json) in the environment
 * variable DAYBREAK_CDISC_PILOT (or the system property daybreak.cdisc.pilot); skipped otherwise. Values from R 4.2.2,
 * foreign 0.8.84 (docs/validation/r/cdisc/pilot-adtte.R):
 *
 * <pre>
 * a &lt;- foreign::read.xport("adtte.xpt"); dim(a)            # 254 26; sum(a$AVAL) 16853; table(a$CNSR) 152 / 102
 * s &lt;- foreign::read.xport("adsl.xpt");  dim(s)            # 254 48; s[1, "BMIBL"] 25.1; sum(s$BMIBL, na.rm = TRUE)
 *                                                          # 6242.1 with 1 NA
 * e &lt;- foreign::read.xport("adae.xpt");  dim(e)            # 1191 55; e$AEDECOD[1191] "NAUSEA"; e$AENDT[1191] 19414
 * </pre>
 */
class XportPilotTest extends ArrowTestSupport {
    @TempDir
    Path dir;

    private Path pilot;

    @BeforeEach
    void pilotFolder() {
        String folder = System.getProperty("daybreak.cdisc.pilot", System.getenv("DAYBREAK_CDISC_PILOT"));
        Assumptions.assumeTrue(folder != null && Files.isRegularFile(Path.of(folder, "adtte.xpt")),
                "DAYBREAK_CDISC_PILOT names no folder with the pilot's adtte.xpt");
        pilot = Path.of(folder);
    }

    @ParameterizedTest
    @ValueSource(strings = {"adsl.xpt", "adtte.xpt", "adae.xpt"})
    void readingAndWritingGivesSassFileByteForByte(String name) throws IOException {
        Path copy = dir.resolve(name);
        try (Table table = Xport.read(pilot.resolve(name), allocator)) {
            Xport.write(table, copy);
        }
        assertArrayEquals(Files.readAllBytes(pilot.resolve(name)), Files.readAllBytes(copy));
    }

    @Test
    void valuesAsRReadsThem() {
        try (Table adtte = Xport.read(pilot.resolve("adtte.xpt"), allocator)) {
            assertEquals(254, adtte.rowCount());
            assertEquals(26, adtte.columnCount());
            double sum = 0;
            long censored = 0;
            for (int row = 0; row < adtte.rowCount(); row++) {
                sum += adtte.doubles("AVAL").get(row);
                censored += adtte.doubles("CNSR").get(row) == 1 ? 1 : 0;
            }
            assertEquals(16853, sum);
            assertEquals(102, censored);
            assertEquals("Analysis Value", adtte.columnMetadata("AVAL").get(DatasetJson.LABEL));
            assertEquals("5", adtte.metadata().get(Xport.VERSION));
            assertEquals("9.3", adtte.metadata().get(Xport.SAS_VERSION));
        }
        try (Table adsl = Xport.read(pilot.resolve("adsl.xpt"), allocator)) {
            assertEquals(254, adsl.rowCount());
            assertEquals(48, adsl.columnCount());
            assertEquals(25.1, adsl.doubles("BMIBL").get(0));
            double sum = 0;
            int missing = 0;
            for (int row = 0; row < adsl.rowCount(); row++) {
                if (adsl.vector("BMIBL").isNull(row)) {
                    missing++;
                } else {
                    sum += adsl.doubles("BMIBL").get(row);
                }
            }
            assertEquals(6242.1, sum, 1e-9);
            assertEquals(1, missing);
        }
        try (Table adae = Xport.read(pilot.resolve("adae.xpt"), allocator)) {
            assertEquals(1191, adae.rowCount());
            assertEquals(55, adae.columnCount());
            assertEquals("NAUSEA", adae.strings("AEDECOD").get(1190));
            assertEquals(19414, adae.doubles("AENDT").get(1190));
            assertTrue(adae.vector("AENDT").isNull(0));
        }
    }

    /** CDISC's Dataset-JSON of the pilot ADTTE (adtte.json in the same folder) holds the same values as SAS's file. */
    @Test
    void theSasFileEqualsCdiscsDatasetJson() {
        Assumptions.assumeTrue(Files.isRegularFile(pilot.resolve("adtte.json")),
                "no adtte.json (CDISC's Dataset-JSON example) next to the pilot's adtte.xpt");
        try (Table xpt = Xport.read(pilot.resolve("adtte.xpt"), allocator);
                Table json = DatasetJson.read(pilot.resolve("adtte.json"), allocator)) {
            assertEquals(json.rowCount(), xpt.rowCount());
            long epoch = LocalDate.of(1960, 1, 1).toEpochDay();
            for (int row = 0; row < json.rowCount(); row++) {
                assertEquals(json.strings("USUBJID").get(row), xpt.strings("USUBJID").get(row));
                assertEquals((double) json.longs("AVAL").get(row), xpt.doubles("AVAL").get(row));
                assertEquals((double) json.longs("CNSR").get(row), xpt.doubles("CNSR").get(row));
                assertEquals(LocalDate.parse(json.strings("ADT").get(row)).toEpochDay() - epoch,
                        xpt.doubles("ADT").get(row));
            }
        }
    }
}
