package io.daybreak.methods.signal.ebgm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The seeded synthetic pairs written by docs/validation/r/signal/ebgm_synthetic_data.R (openEBGM::processRaw output:
 * drug, event, N, E) from resources/ebgm-synthetic-pairs.csv.
 */
final class EbgmTestData {
    static final String FILE = "ebgm-synthetic-pairs.csv";

    final String[] drug;
    final String[] event;
    final int[] n;
    final double[] e;

    private EbgmTestData(List<String> lines) {
        int m = lines.size() - 1;
        drug = new String[m];
        event = new String[m];
        n = new int[m];
        e = new double[m];
        for (int i = 0; i < m; i++) {
            String[] f = lines.get(i + 1).split(",");
            drug[i] = f[0];
            event[i] = f[1];
            n[i] = Integer.parseInt(f[2]);
            e[i] = Double.parseDouble(f[3]);
        }
    }

    static Path path() {
        return path(FILE);
    }

    static Path path(String file) {
        return Path.of(System.getProperty("daybreak.testdata.dir", "resources"), file);
    }

    static EbgmTestData load() throws IOException {
        return load(FILE);
    }

    /** Pairs (drug, event, N, E) from another CSV in the test resources. */
    static EbgmTestData load(String file) throws IOException {
        return new EbgmTestData(Files.readAllLines(path(file)));
    }
}
