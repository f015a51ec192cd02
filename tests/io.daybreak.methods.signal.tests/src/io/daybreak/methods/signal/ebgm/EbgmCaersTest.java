package io.daybreak.methods.signal.ebgm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.daybreak.core.method.MethodResult;
import io.daybreak.core.testing.MethodTestSupport;
import io.daybreak.core.testing.TestMethodContext;
import io.daybreak.data.Table;
import io.daybreak.data.csv.CsvReader;

/**
 * Optional: openEBGM's vignette on its own CAERS subset. The data are the package's and are not in the repository:
 * export them with {@code Rscript docs/validation/r/signal/ebgm_caers.R /tmp/caers-processed.csv} and set
 * {@code DAYBREAK_OPENEBGM_CAERS=/tmp/caers-processed.csv}; without it the test is skipped.
 */
class EbgmCaersTest extends MethodTestSupport {
    @Test
    void vignetteFitAndScoresOnCaers() throws Exception {
        String path = System.getenv("DAYBREAK_OPENEBGM_CAERS");
        Assumptions.assumeTrue(path != null && !path.isBlank(), "DAYBREAK_OPENEBGM_CAERS not set");
        try (Table data = CsvReader.read(Path.of(path), allocator)) {
            Map<String, Object> raw = new HashMap<>(Map.of("count", "N", "expected", "E", "squash", "counts"));
            // squashData(processed); squashData(squashed, count = 2, bin_size = 10, keep_pts = 50)
            raw.put("squashBinSizes", "50,10");
            raw.put("squashKeepPoints", "100,50");
            MethodResult r = apply(new EbgmMethod(), raw, Map.of("data", data), new TestMethodContext(allocator, 1));
            try {
                Table prior = r.outputs().get("prior");
                // autoHyper(squashed2, theta_init)$estimates (vignette starts); negLLsquash 4161.9301533643502
                double[] expected = {3.2537864285968148, 0.39988836598891847, 2.0261305352376806, 1.9080825982792795,
                    0.065345700410102792};
                String[] names = {"alpha1", "beta1", "alpha2", "beta2", "p"};
                for (int j = 0; j < 5; j++) {
                    assertRelative(expected[j], prior.doubles(names[j]).get(0), 1e-4, names[j]);
                }
                assertTrue(-prior.doubles("loglik").get(0) <= 4161.9301533643502 * (1 + 1e-9));
                Table eb = r.outputs().get("ebgm");
                assertEquals(17189, eb.rowCount()); // nrow(processRaw(caers))
                // ebScores(processed, h, c(5, 95), digits = 12): the top pair by EBGM
                assertEquals("REUMOFAN PLUS", eb.strings("drug").get(0));
                assertEquals("WEIGHT INCREASED", eb.strings("event").get(0));
                assertRelative(23.261104113030001, eb.doubles("ebgm").get(0), 1e-4, "EBGM");
                assertRelative(15.685658056292, eb.doubles("eb05").get(0), 1e-4, "QUANT_05");
                assertRelative(33.477333195995001, eb.doubles("eb95").get(0), 1e-4, "QUANT_95");
            } finally {
                r.outputs().values().forEach(Table::close);
            }
        }
    }
}
