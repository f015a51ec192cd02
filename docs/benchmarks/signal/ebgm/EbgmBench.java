import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;

import io.daybreak.stats.signal.ebgm.HyperparameterFit;
import io.daybreak.stats.signal.ebgm.Mgps;

/**
 * Daybreak side of the benchmark: the same steps as openebgm.R (autoSquash, prior fit from the vignette starts,
 * EBGM with the 5% and 95% posterior quantiles) on the same CSV. Run by run.sh.
 */
public final class EbgmBench {
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "/tmp/ebgm-1e6.csv");
        int cap = 1 << 20;
        int[] n = new int[cap];
        double[] e = new double[cap];
        int m = 0;
        try (BufferedReader r = Files.newBufferedReader(file)) {
            r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split(",");
                if (m == n.length) {
                    n = java.util.Arrays.copyOf(n, 2 * m);
                    e = java.util.Arrays.copyOf(e, 2 * m);
                }
                n[m] = Integer.parseInt(f[2]);
                e[m] = Double.parseDouble(f[3]);
                m++;
            }
        }
        n = java.util.Arrays.copyOf(n, m);
        e = java.util.Arrays.copyOf(e, m);
        long t0 = System.nanoTime();
        HyperparameterFit.Result fit = Mgps.fitPrior(n, e, 1, Mgps.Squashing.AUTO, HyperparameterFit.DEFAULT_STARTS,
                HyperparameterFit.DEFAULT_TOL, 1, HyperparameterFit.DEFAULT_PARAM_LIMIT);
        long t1 = System.nanoTime();
        Mgps.Scores s = Mgps.score(fit.prior(), n, e, 0.05, 0.95, 2);
        long t2 = System.nanoTime();
        System.out.printf("daybreak: %d pairs; squash + prior fit %.2f s (converged %b, start %d); "
                + "EBGM/EB05/EB95/p_exceed %.2f s; total %.2f s%n", m, (t1 - t0) / 1e9, fit.converged(), fit.start(),
                (t2 - t1) / 1e9, (t2 - t0) / 1e9);
        System.out.println("estimates: " + fit.prior() + " first EBGM " + s.ebgm()[0]);
    }
}
