package io.daybreak.methods.biomarker.penalized;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import io.daybreak.stats.biomarker.penalized.Family;
import io.daybreak.stats.biomarker.penalized.PenalizedData;

/**
 * The test data of docs/validation/r/biomarker/elastic-net.R: elastic-net-data.csv (100 simulated patients, ten
 * correlated features x1..x10 with x3 on another scale, a gaussian y, a 0/1 yb, a survival time in quarter units
 * with many ties and its status, a fold 1..5) and the script's deterministic wide design (60 × 600).
 */
final class EnetData {
    static final int N = 100;
    static final int P = 10;
    static final double[][] X = new double[P][N];
    static final double[] Y = new double[N];
    static final double[] YB = new double[N];
    static final double[] TIME = new double[N];
    static final boolean[] EVENT = new boolean[N];
    static final int[] FOLD = new int[N];
    static final double[] PF = {0, 1, 1, 2, 1, 1, 0.5, 1, 1, 1};

    static {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                EnetData.class.getResourceAsStream("elastic-net-data.csv"), StandardCharsets.UTF_8))) {
            List<String> lines = in.lines().collect(Collectors.toList());
            for (int i = 0; i < N; i++) {
                String[] f = lines.get(i + 1).split(",");
                for (int j = 0; j < P; j++) {
                    X[j][i] = Double.parseDouble(f[j]);
                }
                Y[i] = Double.parseDouble(f[10]);
                YB[i] = Double.parseDouble(f[11]);
                TIME[i] = Double.parseDouble(f[12]);
                EVENT[i] = f[13].equals("1");
                FOLD[i] = Integer.parseInt(f[14]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private EnetData() {
    }

    static PenalizedData data(Family family) {
        return switch (family) {
            case GAUSSIAN -> new PenalizedData(family, X, Y, null, null);
            case BINOMIAL -> new PenalizedData(family, X, YB, null, null);
            case COX -> new PenalizedData(family, X, null, TIME, EVENT);
        };
    }

    /** The script's wide design: x[i, j] = ((7919 i + 104729 j + 31 i j) mod 1009)/1009 − 0.5, i, j from 0. */
    static PenalizedData wide() {
        int n = 60;
        int p = 600;
        double[][] x = new double[p][n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                x[j][i] = ((i * 7919L + j * 104729L + (long) i * j * 31) % 1009) / 1009.0 - 0.5;
            }
            y[i] = 3 * x[0][i] - 2 * x[1][i] + x[4][i] + ((i * 37) % 11) / 11.0 - 0.5;
        }
        return new PenalizedData(Family.GAUSSIAN, x, y, null, null);
    }
}
