package io.daybreak.methods.stats.descriptive;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.arrow.memory.BufferAllocator;
import org.osgi.service.component.annotations.Component;

import io.daybreak.federation.Aggregates;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.Parameters;
import io.daybreak.core.method.Settings;
import io.daybreak.federation.FederatedMethod;
import io.daybreak.federation.Sites;

/**
 * {@code stats.describe} across site nodes: one round of {@link DescribeSiteStep}, the sites' moments merged in
 * their fixed order. N, missing, mean, variance and SD equal the pooled ones.
 */
@Component(service = FederatedMethod.class)
public final class DescribeFederatedMethod implements FederatedMethod {
    private static final MethodDescriptor DESCRIPTOR = MethodDescriptor.builder(DescribeSiteStep.METHOD,
            "Descriptive statistics across sites (exact)")
            .category("statistics")
            .reference("Chan, Golub & LeVeque, Am Stat 37:242 (1983) (pooled moments)")
            .description("N, missing, mean, variance and SD of numeric columns from the sites' moments; minimum and "
                    + "maximum stay at the sites.")
            .settings(DescribedColumns.class)
            .build();

    @Override
    public MethodDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Outcome run(Sites sites, Parameters parameters, BufferAllocator allocator) {
        List<String> columns = Settings.bind(DescribedColumns.class, parameters).names();
        Map<String, Aggregates> releases = sites.call(DescribeSiteStep.METHOD, "moments",
                Map.of("columns", columns));
        List<Object> n = new ArrayList<>();
        List<Object> missing = new ArrayList<>();
        List<Object> mean = new ArrayList<>();
        List<Object> variance = new ArrayList<>();
        List<Object> sd = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            Moments pooled = Moments.of(new double[0]);
            for (String site : sites.names()) {
                pooled.merge(DescribeSiteStep.fromRelease(releases.get(site), c));
            }
            n.add(pooled.n());
            missing.add(pooled.missing());
            mean.add(pooled.mean());
            variance.add(pooled.variance());
            sd.add(Math.sqrt(pooled.variance()));
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("columns", new ArrayList<Object>(columns));
        summary.put("n", n);
        summary.put("missing", missing);
        summary.put("mean", mean);
        summary.put("variance", variance);
        summary.put("sd", sd);
        return new Outcome(summary, 1, true);
    }
}
