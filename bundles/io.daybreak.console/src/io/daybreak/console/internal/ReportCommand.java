package io.daybreak.console.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.daybreak.data.ArrowMemory;
import io.daybreak.data.InvalidInputException;
import io.daybreak.data.Table;
import io.daybreak.data.files.TableFiles;

/**
 * {@code report}: one self-contained HTML file from saved analysis results ({@code fed ... --save r.json} or
 * {@code --json} output) and, optionally, a design comparison table ({@code compare ... --out c.csv}).
 */
@Component(service = ReportCommand.class, property = {"osgi.command.scope=daybreak", "osgi.command.function=report"})
public final class ReportCommand {
    @Reference
    private ArrowMemory memory;

    @Descriptor("write a self-contained HTML report of saved results (fed --save) and a design comparison")
    public void report(@Descriptor("--out report.html [--title TEXT] [--comparison comparison.csv] result.json ... "
            + "[--json]") String... args) throws Exception {
        DaybreakCommands.execute(args, () -> {
            CommandLine line = CommandLine.parse("report", args, Set.of("--json"), Set.of("--out", "--title",
                    "--comparison"));
            line.requireNoKeyValues("report");
            String outText = line.option("report", "--out");
            if (outText == null) {
                throw new InvalidInputException("report: option --out is required");
            }
            Path out = AnalysisReport.htmlOutput("--out", outText);
            List<Map<String, Object>> analyses = new ArrayList<>();
            for (String name : line.positional()) {
                Path file = Path.of(name);
                if (!Files.isReadable(file)) {
                    throw new InvalidInputException("report: cannot read " + file);
                }
                Map<String, Object> document = Output.readJson(file);
                if (document.containsKey("error")) {
                    throw new InvalidInputException("report: " + file + " records a failed command, not a result: "
                            + ((Map<?, ?>) document.get("error")).get("message"));
                }
                if (!(document.get("method") instanceof String) || !(document.get("summary") instanceof Map<?, ?>)) {
                    throw new InvalidInputException("report: " + file + " is not a saved result (it needs 'method' and "
                            + "'summary'; save one with fed ... --save FILE)");
                }
                analyses.add(document);
            }
            String comparisonFile = line.option("report", "--comparison");
            if (analyses.isEmpty() && comparisonFile == null) {
                throw new InvalidInputException("report: nothing to report; give result files and/or --comparison");
            }
            String title = line.option("report", "--title") == null ? "Daybreak report" : line.option("report", "--title");
            if (comparisonFile == null) {
                AnalysisReport.write(out, title, analyses, null);
            } else {
                try (org.apache.arrow.memory.BufferAllocator allocator = memory.newChildAllocator("report");
                        Table comparison = TableFiles.read(Path.of(comparisonFile), allocator)) {
                    AnalysisReport.write(out, title, analyses, comparison);
                }
            }
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("report", out.toAbsolutePath().toString());
            document.put("analyses", (long) analyses.size());
            document.put("designComparison", comparisonFile != null);
            return document;
        }, (out, document) -> out.println("report written: " + document.get("report")));
    }
}
