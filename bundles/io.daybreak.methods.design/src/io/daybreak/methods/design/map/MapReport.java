package io.daybreak.methods.design.map;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.arrow.memory.BufferAllocator;

import io.daybreak.data.ColumnType;
import io.daybreak.data.Table;

/** design.map-prior's summary and output tables from a {@link MapPrior.Result}: one layout for local and federated runs. */
final class MapReport {
    private MapReport() {
    }

    static Map<String, Object> summary(MapPrior.Result r) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("studies", (long) r.studies().size());
        s.put("mapMean", r.mapMean());
        s.put("mapSd", r.mapSd());
        s.put("mapLower95", r.mapQuantiles()[0]);
        s.put("mapMedian", r.mapQuantiles()[1]);
        s.put("mapUpper95", r.mapQuantiles()[2]);
        s.put("tauMean", r.tauMean());
        s.put("tauSd", r.tauSd());
        s.put("tauLower95", r.tauQuantiles()[0]);
        s.put("tauMedian", r.tauQuantiles()[1]);
        s.put("tauUpper95", r.tauQuantiles()[2]);
        s.put("muMean", r.muMean());
        s.put("muSd", r.muSd());
        BetaMixture m = r.chosen().mixture();
        s.put("components", (long) m.size());
        s.put("mixture", m.format());
        s.put("mixtureMean", m.mean());
        s.put("mixtureSd", Math.sqrt(m.variance()));
        List<Object> aic = new ArrayList<>();
        List<Object> sizes = new ArrayList<>();
        for (MixtureFit.Fit f : r.fits()) {
            sizes.add((long) f.mixture().size());
            aic.add(f.aic());
        }
        s.put("componentsTried", sizes);
        s.put("aic", aic);
        s.put("essElir", r.essElir());
        s.put("essMoment", r.essMoment());
        s.put("essMorita", r.essMorita());
        s.put("robustMixture", r.robust().format());
        if (!Double.isNaN(r.robustEssElir())) {
            s.put("robustEssElir", r.robustEssElir());
        }
        s.put("robustEssMoment", Ess.moment(r.robust()));
        return s;
    }

    /** Components of a mixture: component, w, a, b, mean, sd. */
    static Table mixture(BetaMixture m, BufferAllocator allocator) {
        int k = m.size();
        long[] index = new long[k];
        double[] mean = new double[k];
        double[] sd = new double[k];
        for (int c = 0; c < k; c++) {
            index[c] = c + 1;
            BetaMixture one = BetaMixture.of(m.a()[c], m.b()[c]);
            mean[c] = one.mean();
            sd[c] = Math.sqrt(one.variance());
        }
        return Table.builder(allocator).addInt64("component", index).addFloat64("w", m.weights())
                .addFloat64("a", m.a()).addFloat64("b", m.b()).addFloat64("mean", mean).addFloat64("sd", sd).build();
    }

    /**
     * Forest-plot data: per study the observed rate r/n with its Clopper–Pearson 95% interval and the model's
     * shrinkage estimate (posterior mean and sd of p_h); a last row "MAP" with the MAP prior's mean and 95% interval.
     */
    static Table forest(MapPrior.Result r, BufferAllocator allocator) {
        List<Object> study = new ArrayList<>();
        List<Object> n = new ArrayList<>();
        List<Object> x = new ArrayList<>();
        List<Object> estimate = new ArrayList<>();
        List<Object> lower = new ArrayList<>();
        List<Object> upper = new ArrayList<>();
        List<Object> shrinkMean = new ArrayList<>();
        List<Object> shrinkSd = new ArrayList<>();
        for (int h = 0; h < r.studies().size(); h++) {
            MapModel.Study s = r.studies().get(h);
            double[] ci = MapPrior.clopperPearson(s.responses(), s.patients());
            study.add(s.name());
            n.add(s.patients());
            x.add(s.responses());
            estimate.add((double) s.responses() / s.patients());
            lower.add(ci[0]);
            upper.add(ci[1]);
            shrinkMean.add(r.shrinkage()[h][0]);
            shrinkSd.add(r.shrinkage()[h][1]);
        }
        study.add("MAP");
        n.add(null);
        x.add(null);
        estimate.add(r.mapMean());
        lower.add(r.mapQuantiles()[0]);
        upper.add(r.mapQuantiles()[2]);
        shrinkMean.add(null);
        shrinkSd.add(null);
        return Table.builder(allocator).add("study", ColumnType.STRING, study).add("patients", ColumnType.INT64, n)
                .add("responses", ColumnType.INT64, x).add("estimate", ColumnType.FLOAT64, estimate)
                .add("lower", ColumnType.FLOAT64, lower).add("upper", ColumnType.FLOAT64, upper)
                .add("shrinkageMean", ColumnType.FLOAT64, shrinkMean).add("shrinkageSd", ColumnType.FLOAT64, shrinkSd)
                .build();
    }
}
