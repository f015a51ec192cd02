package io.daybreak.methods.stats.descriptive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.daybreak.methods.stats.StatsTestSupport;

class DescribeTest extends StatsTestSupport {

    /** R: c(sum(!is.na(wt.loss)), sum(is.na(wt.loss)), mean(wt.loss, na.rm = TRUE), var(wt.loss, na.rm = TRUE)). */
    @Test
    void momentsMatchRAndMergedSitesEqualPooled() throws Exception {
        Map<String, Object> pooled = run(new DescribeMethod(), LUNG, Map.of("columns", "wt.loss,age"));
        assertEquals(214L, doubles(pooled.get("n"))[0], 0);
        assertEquals(14L, doubles(pooled.get("missing"))[0], 0);
        assertRelative(9.83177570093458, doubles(pooled.get("mean"))[0], 1e-13, "mean");
        assertRelative(Math.sqrt(172.65701373349128), doubles(pooled.get("sd"))[0], 1e-13, "sd");
        Map<String, Object> sites = run(new DescribeMethod(), LUNG, Map.of("columns", "wt.loss,age", "siteColumn", "site"));
        for (String key : new String[] {"n", "missing", "mean", "sd"}) {
            for (int c = 0; c < 2; c++) {
                assertRelative(doubles(pooled.get(key))[c], doubles(sites.get(key))[c], 1e-13, key + " " + c);
            }
        }
    }
}
