import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes the benchmark's survival data set: {@code java GenerateCsv.java ROWS FILE [SEED]}.
 *
 * <p>Columns id (int), time (days, 2 decimals), status (1 = event), age (int), sex (F/M), arm (A/B), biomarker
 * (a standard normal in Java's shortest round-trip form, mostly 16-17 significant digits, as a CSV written by
 * Daybreak or by R's write.csv(digits = 17) has). Event times are exponential with a hazard that depends on age,
 * sex, arm and biomarker (log hazard ratios 0.02 per year, 0.3, -0.4, 0.5); censoring is uniform on 0-1500 days,
 * so about half the rows are events and Cox and logistic fits have real signal. Deterministic for a seed.
 */
public final class GenerateCsv {
    public static void main(String[] args) throws IOException {
        long rows = Long.parseLong(args[0]);
        Path file = Path.of(args[1]);
        SplittableRandom random = new SplittableRandom(args.length > 2 ? Long.parseLong(args[2]) : 20L);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("id,time,status,age,sex,arm,biomarker\n");
            StringBuilder line = new StringBuilder(64);
            for (long id = 1; id <= rows; id++) {
                int age = 40 + random.nextInt(46);
                boolean male = random.nextBoolean();
                boolean armB = random.nextBoolean();
                double biomarker = gaussian(random);
                double hazard = 0.001 * Math.exp(0.02 * (age - 60) + (male ? 0.3 : 0) - (armB ? 0.4 : 0) + 0.5 * biomarker);
                double event = -Math.log(1 - random.nextDouble()) / hazard;
                double censor = 1500 * random.nextDouble();
                double time = Math.max(0.01, Math.round(Math.min(event, censor) * 100) / 100.0);
                line.setLength(0);
                line.append(id).append(',').append(time).append(',').append(event <= censor ? 1 : 0).append(',')
                        .append(age).append(',').append(male ? 'M' : 'F').append(',').append(armB ? 'B' : 'A')
                        .append(',').append(biomarker).append('\n');
                out.append(line);
            }
        }
    }

    private static double gaussian(SplittableRandom random) {
        double u;
        double v;
        double s;
        do {
            u = 2 * random.nextDouble() - 1;
            v = 2 * random.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        return u * Math.sqrt(-2 * Math.log(s) / s);
    }
}
