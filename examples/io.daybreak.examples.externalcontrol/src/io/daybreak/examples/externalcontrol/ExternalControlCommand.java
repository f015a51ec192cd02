package io.daybreak.examples.externalcontrol;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.daybreak.data.ArrowMemory;
import io.daybreak.data.InvalidInputException;
import io.daybreak.data.Table;
import io.daybreak.data.files.TableFiles;
import io.daybreak.stats.causal.MarginalMeans;

/**
 * {@code eca}: the whole external-control-arm workflow in one console command, on synthetic
 * patients (seeded) or on a file with the same columns, writing the HTML report. A thin command: the work is in
 * {@link ExternalControlAnalysis} and {@link ExternalControlReport}.
 */
@Component(service = ExternalControlCommand.class, property = {"osgi.command.scope=daybreak",
    "osgi.command.function=eca"})
public final class ExternalControlCommand {
    private static final int TRIAL_PATIENTS = 90;
    private static final int HISTORICAL_PATIENTS = 500;

    @Reference
    private ArrowMemory memory;

    @Descriptor("external control arm for a single-arm trial: eligibility, time zero, ATT weighting, balance, "
            + "survival and response, E-value; writes an HTML report")
    public void eca(@Descriptor("--report file.html [--data file.csv|.arrow] [--seed n]") String... args)
            throws Exception {
        Path report = null;
        Path data = null;
        long seed = 2026;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new InvalidInputException("eca: option " + option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
            case "--report" -> report = Path.of(value);
            case "--data" -> data = Path.of(value);
            case "--seed" -> seed = seed(value);
            default -> throw new InvalidInputException("eca: unknown option '" + option
                    + "'; options: --report file.html, --data file, --seed n");
            }
        }
        if (report == null) {
            throw new InvalidInputException("eca: option --report file.html is required");
        }
        checkReport(report);
        try (BufferAllocator allocator = memory.newChildAllocator("eca");
                Table table = data == null
                        ? SyntheticCohorts.generate(TRIAL_PATIENTS, HISTORICAL_PATIENTS, seed, allocator)
                        : TableFiles.read(data, allocator)) {
            String source = data == null ? "synthetic: " + TRIAL_PATIENTS + " trial patients and " + HISTORICAL_PATIENTS
                    + " historical controls, seed " + seed + ", true hazard ratio " + SyntheticCohorts.TRUE_HAZARD_RATIO
                    : data.toString();
            ExternalControlAnalysis analysis = ExternalControlAnalysis.run(table, Eligibility.TRIAL, allocator);
            ExternalControlReport.write(report, analysis, source);
            MarginalMeans.Contrast hr = analysis.weighted().hazardRatio(0.95);
            String line = String.format(Locale.ROOT, "hazard ratio (ATT-weighted) %.3f (95%% CI %.3f to %.3f), "
                    + "naive %.3f; E-value %.2f; report %s", hr.estimate(), hr.lower(), hr.upper(),
                    analysis.naive().hazardRatio(0.95).estimate(), analysis.eValue()[0], report);
            System.out.println(line);
        }
    }

    private static long seed(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("eca: --seed '" + value + "' is not a whole number");
        }
    }

    static void checkReport(Path report) {
        if (!report.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".html")) {
            throw new InvalidInputException("eca: --report " + report + ": give a file name ending in "
                    + ".html");
        }
        Path parent = report.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new InvalidInputException("eca: --report " + report + ": directory " + parent
                    + " does not exist");
        }
    }
}
