import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a synthetic spontaneous-report file for the counting benchmark (docs/benchmarks.md, "Counting
 * report-drug-event rows"): ROWS rows of report,drug,event,sex,age_group,year; reports of 1-6 rows (drugs x events),
 * 3,000 drugs and 2,000 events with skewed frequencies, seeded (the same file on every machine).
 *   java GenerateReports.java 10000000 /tmp/daybreak-signal-bench/reports-10m.csv
 */
public final class GenerateReports {
    public static void main(String[] args) throws IOException {
        long rows = Long.parseLong(args[0]);
        SplittableRandom rng = new SplittableRandom(20261203);
        String[] sexes = {"F", "M"};
        String[] ages = {"<18", "18-44", "45-64", "65+"};
        try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[1]))) {
            out.write("report,drug,event,sex,age_group,year\n");
            long written = 0;
            int report = 0;
            StringBuilder line = new StringBuilder();
            while (written < rows) {
                report++;
                String sex = sexes[rng.nextInt(2)];
                String age = ages[rng.nextInt(4)];
                int year = 2015 + rng.nextInt(10);
                int drugs = 1 + rng.nextInt(2);
                int events = 1 + rng.nextInt(3);
                for (int d = 0; d < drugs && written < rows; d++) {
                    int drug = skewed(rng, 3000);
                    for (int e = 0; e < events && written < rows; e++) {
                        int event = skewed(rng, 2000);
                        line.setLength(0);
                        line.append('R').append(report).append(",D").append(drug).append(",E").append(event).append(',')
                                .append(sex).append(',').append(age).append(',').append(year).append('\n');
                        out.write(line.toString());
                        written++;
                    }
                }
            }
        }
    }

    /** Index in 0 … n − 1 with frequency falling like 1/(i + 1) (roughly Zipf). */
    private static int skewed(SplittableRandom rng, int n) {
        return (int) Math.min(n - 1, Math.floor(Math.exp(rng.nextDouble() * Math.log(n + 1.0)) - 1));
    }
}
