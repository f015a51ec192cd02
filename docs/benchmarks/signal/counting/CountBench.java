import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.daybreak.stats.signal.disproportionality.Criteria;
import io.daybreak.stats.signal.disproportionality.Disproportionality;
import io.daybreak.stats.signal.disproportionality.PairCounter;
import io.daybreak.stats.signal.disproportionality.PairCounts;
import io.daybreak.stats.signal.disproportionality.PairStatistics;

/**
 * The counting benchmark: reads report,drug,event,sex,age_group,year rows into dictionary-coded int arrays (timed
 * apart), then times PairCounter.count on them REPEATS times in one JVM (unique reports per pair, 80 strata), and
 * once the statistics of every pair with n ≥ 3 (PRR, ROR, chi-square, Fisher, IC).
 *   java -cp <classes>:<stats.signal jar>:<commons-statistics jars> CountBench FILE [REPEATS]
 */
public final class CountBench {
    public static void main(String[] args) throws IOException {
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        long t0 = System.nanoTime();
        int capacity = 1 << 20;
        int[] report = new int[capacity];
        int[] drug = new int[capacity];
        int[] event = new int[capacity];
        int[] stratum = new int[capacity];
        Map<String, Integer> drugs = new HashMap<>();
        Map<String, Integer> events = new HashMap<>();
        Map<String, Integer> strata = new HashMap<>();
        int n = 0;
        try (BufferedReader in = Files.newBufferedReader(Path.of(args[0]))) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (n == report.length) {
                    report = Arrays.copyOf(report, n * 2);
                    drug = Arrays.copyOf(drug, n * 2);
                    event = Arrays.copyOf(event, n * 2);
                    stratum = Arrays.copyOf(stratum, n * 2);
                }
                int a = line.indexOf(',');
                int b = line.indexOf(',', a + 1);
                int c = line.indexOf(',', b + 1);
                report[n] = Integer.parseInt(line, 1, a, 10); // "R123" -> 123
                drug[n] = drugs.computeIfAbsent(line.substring(a + 1, b), k -> drugs.size());
                event[n] = events.computeIfAbsent(line.substring(b + 1, c), k -> events.size());
                stratum[n] = strata.computeIfAbsent(line.substring(c + 1), k -> strata.size());
                n++;
            }
        }
        report = Arrays.copyOf(report, n);
        drug = Arrays.copyOf(drug, n);
        event = Arrays.copyOf(event, n);
        stratum = Arrays.copyOf(stratum, n);
        String[] drugNames = names(drugs);
        String[] eventNames = names(events);
        System.out.printf("read %,d rows in %.2f s (%d drugs, %d events, %d strata)%n", n, (System.nanoTime() - t0) / 1e9,
                drugNames.length, eventNames.length, strata.size());
        PairCounts counts = null;
        for (int r = 0; r < repeats; r++) {
            long t = System.nanoTime();
            counts = PairCounter.count(drug, event, report, stratum, drugNames, eventNames, strata.size());
            System.out.printf("count %d: %.3f s (%,d pairs, %,d reports)%n", r + 1, (System.nanoTime() - t) / 1e9,
                    counts.size(), counts.total());
        }
        long sumN = 0;
        double sumE = 0;
        for (int i = 0; i < counts.size(); i++) {
            sumN += counts.n(i);
            sumE += counts.expected(i);
        }
        System.out.printf("sum n %d, sum E %.6f (the checksums count.R prints)%n", sumN, sumE);
        long t = System.nanoTime();
        List<PairStatistics> stats = Disproportionality.compute(counts, Criteria.DEFAULT, 3);
        Disproportionality.sort(stats, "prr");
        System.out.printf("statistics of %,d pairs with n >= 3: %.2f s; %d meet Evans' criteria%n", stats.size(),
                (System.nanoTime() - t) / 1e9, stats.stream().filter(PairStatistics::signal).count());
    }

    private static String[] names(Map<String, Integer> dictionary) {
        String[] names = new String[dictionary.size()];
        dictionary.forEach((name, i) -> names[i] = name.charAt(0) == 'R' ? name : name);
        return names;
    }
}
