package io.daybreak.methods.stats;

import java.nio.file.Path;
import java.util.Map;

import io.daybreak.core.method.Method;
import io.daybreak.core.method.MethodResult;
import io.daybreak.core.testing.MethodTestSupport;
import io.daybreak.core.testing.TestMethodContext;
import io.daybreak.data.Table;
import io.daybreak.data.csv.CsvReader;

/** Runs the statistics methods on the shared data sets (copies in this bundle's resources folder). */
public abstract class StatsTestSupport extends MethodTestSupport {
    /** R's lung data with a site column: inst %% 3, missing inst as site 0 (as docs/validation/r/stats/reference.R). */
    protected static final String LUNG = "survival_lung_sites.csv";
    protected static final String INFERT = "datasets_infert.csv";

    protected static Path data(String name) {
        return Path.of(System.getProperty("daybreak.testdata.dir", "resources"), name);
    }

    /** Runs a method on a data file and returns its summary (output tables closed). */
    protected Map<String, Object> run(Method method, String file, Map<String, ?> raw) throws Exception {
        try (Table data = CsvReader.read(data(file), allocator)) {
            MethodResult result = apply(method, raw, Map.of("data", data), new TestMethodContext(allocator, 1));
            result.outputs().values().forEach(Table::close);
            return result.summary();
        }
    }
}
