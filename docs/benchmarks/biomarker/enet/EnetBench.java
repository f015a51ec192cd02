import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import io.daybreak.stats.biomarker.penalized.CrossValidatedPath;
import io.daybreak.stats.biomarker.penalized.CrossValidation;
import io.daybreak.stats.biomarker.penalized.Family;
import io.daybreak.stats.biomarker.penalized.Measure;
import io.daybreak.stats.biomarker.penalized.PenalizedData;
import io.daybreak.stats.biomarker.penalized.PenalizedSettings;

/**
 * Times the elastic-net engine's path + 10-fold CV on make-data.R's data (the same foldid as cv.glmnet gets), in
 * process after loading the data. Args: dir family(gaussian|binomial) parallel(true|false) repeats.
 */
public final class EnetBench {
    static double[] read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            DoubleBuffer b = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size()).order(ByteOrder.LITTLE_ENDIAN)
                    .asDoubleBuffer();
            double[] v = new double[b.remaining()];
            b.get(v);
            return v;
        }
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/enet-bench");
        Family family = args.length > 1 && args[1].equals("binomial") ? Family.BINOMIAL : Family.GAUSSIAN;
        boolean parallel = args.length > 2 && Boolean.parseBoolean(args[2]);
        int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        double[] y = read(dir.resolve(family == Family.BINOMIAL ? "yb.bin" : "y.bin"));
        int n = y.length;
        double[] flat = read(dir.resolve("x.bin"));
        int p = flat.length / n;
        double[][] x = new double[p][];
        for (int j = 0; j < p; j++) {
            x[j] = java.util.Arrays.copyOfRange(flat, j * n, (j + 1) * n);
        }
        double[] f = read(dir.resolve("foldid.bin"));
        int[] foldid = new int[n];
        for (int i = 0; i < n; i++) {
            foldid[i] = (int) f[i];
        }
        PenalizedData data = new PenalizedData(family, x, y, null, null);
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            CrossValidatedPath cv = CrossValidation.run(data, PenalizedSettings.defaults(), foldid, Measure.DEVIANCE,
                    parallel);
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("java %s n=%d p=%d parallel=%s: %.2f s (lambdas %d, lambda.min %.6g, lambda.1se %.6g, "
                    + "nzero.min %d)%n", family, n, p, parallel, s, cv.fit().size(), cv.lambdaMin(), cv.lambda1se(),
                    cv.fit().df()[cv.indexMin()]);
        }
    }
}
