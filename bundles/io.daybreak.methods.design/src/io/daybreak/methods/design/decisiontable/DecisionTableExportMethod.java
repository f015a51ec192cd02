package io.daybreak.methods.design.decisiontable;

import static io.daybreak.core.method.TableSpec.column;
import static io.daybreak.data.ColumnType.INT64;
import static io.daybreak.data.ColumnType.STRING;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Component;

import io.daybreak.core.method.Choice;
import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.Method;
import io.daybreak.core.method.MethodContext;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.MethodResult;
import io.daybreak.core.method.Setting;
import io.daybreak.core.method.TableSpec;
import io.daybreak.data.ColumnType;
import io.daybreak.data.Table;
import io.daybreak.methods.design.oc.CohortPlan;
import io.daybreak.methods.design.oc.DesignMethod;

/**
 * {@code design.decision-table-export}: the decision table of a rule-based design (BOIN, Keyboard, mTPI-2, BOIN12's
 * toxicity boundaries, 3+3) as a table, and optionally as the CSV and JSON files a protocol attaches
 * ({@link DecisionTableFiles}).
 */
@Component(service = Method.class)
public final class DecisionTableExportMethod extends DesignMethod<DecisionTableExportMethod.ExportSettings> {
    /** What design.decision-table-export takes: the design and its settings, and where to write the files. */
    record ExportSettings(
            @Setting(doc = "the design whose table to export")
            @Choice({"boin", "keyboard", "mtpi2", "boin12", "3plus3"})
            String design,
            @Setting(unit = "DLT rate", min = 0, minInclusive = false, max = 1, maxInclusive = false, optional = true,
                    doc = "target DLT rate (all designs but 3plus3)")
            Double target,
            @Setting(unit = "DLT rate", min = 0, minInclusive = false, max = 1, maxInclusive = false, optional = true,
                    doc = "boin: highest sub-therapeutic rate phi1; default 0.6 target")
            Double pSafe,
            @Setting(unit = "DLT rate", min = 0, minInclusive = false, max = 1, maxInclusive = false, optional = true,
                    doc = "boin: lowest overly toxic rate phi2; default 1.4 target")
            Double pTox,
            @Setting(min = 0, minInclusive = false, max = 0.5, maxInclusive = false, defaultValue = "0.05",
                    doc = "keyboard, mtpi2: half-width of the target key below the target")
            double marginBelow,
            @Setting(min = 0, minInclusive = false, max = 0.5, maxInclusive = false, defaultValue = "0.05",
                    doc = "keyboard, mtpi2: half-width of the target key above the target")
            double marginAbove,
            CohortPlan cohorts,
            @Setting(min = 0.5, minInclusive = false, max = 1, maxInclusive = false, defaultValue = "0.95",
                    doc = "eliminate a dose when P(DLT rate > target | data) exceeds this (DU cells)")
            double eliminationCutoff,
            @Setting(optional = true, doc = "write the table as CSV to this file (header n,0,1,...)")
            String csv,
            @Setting(optional = true, doc = "write the table as JSON (daybreak-decision-table/1) to this file")
            String json) {

        ExportSettings {
            if (!design.equals("3plus3") && target == null) {
                throw new InvalidParameterException("design " + design + " needs parameter 'target'");
            }
            if (design.equals("3plus3") && (cohorts.cohortSize() != 3)) {
                throw new InvalidParameterException("design 3plus3 has cohorts of 3; leave 'cohortSize' at 3");
            }
            if (csv != null && !csv.toLowerCase(java.util.Locale.ROOT).endsWith(".csv")) {
                throw new InvalidParameterException("parameter 'csv' = " + csv + " must end in .csv");
            }
            if (json != null && !json.toLowerCase(java.util.Locale.ROOT).endsWith(".json")) {
                throw new InvalidParameterException("parameter 'json' = " + json + " must end in .json");
            }
        }

        DecisionTable table() {
            int size = cohorts.cohortSize();
            int count = cohorts.cohorts();
            return switch (design) {
            case "boin" -> {
                double pS = pSafe != null ? pSafe : 0.6 * target;
                double pT = pTox != null ? pTox : 1.4 * target;
                if (!(pS < target && target < pT && pT < 1)) {
                    throw new InvalidParameterException("need pSafe < target < pTox < 1; got pSafe = " + pS
                            + ", target = " + target + ", pTox = " + pT);
                }
                yield DecisionTables.boin(target, pS, pT, size, count, eliminationCutoff);
            }
            case "keyboard", "mtpi2" -> {
                if (!(target - marginBelow > 0 && target + marginAbove < 1)) {
                    throw new InvalidParameterException("need 0 < target - marginBelow and target + marginAbove < 1; got "
                            + "target = " + target + ", marginBelow = " + marginBelow + ", marginAbove = " + marginAbove);
                }
                yield DecisionTables.keyboard(design.equals("mtpi2"), target, marginBelow, marginAbove, size, count,
                        eliminationCutoff);
            }
            case "boin12" -> DecisionTables.boin12(target, size, count, eliminationCutoff);
            default -> DecisionTables.threePlusThree();
            };
        }
    }

    public DecisionTableExportMethod() {
        super(ExportSettings.class, MethodDescriptor.builder("design.decision-table-export",
                "Decision table of a rule-based design")
                .category("design")
                .reference("Liu & Yuan, JRSS-C 64:507-523 (2015); R package BOIN, get.boundary; Yan et al., Clin "
                        + "Cancer Res 23:3994 (2017); Guo et al., Contemp Clin Trials 58:23 (2017); Lin et al., "
                        + "JRSS-C 69:699 (2020); Storer, Biometrics 45:925 (1989)")
                .description("The decision table of BOIN, Keyboard, mTPI-2, BOIN12 (toxicity boundaries) or 3+3: for n "
                        + "patients at the current dose and y DLTs, E (escalate), S (stay), D (de-escalate) or DU "
                        + "(de-escalate and eliminate). Optionally written as CSV and JSON files for a protocol; "
                        + "design.decision-table runs such files.")
                .output(TableSpec.of("decisionTable", "one row per (n, y): patients at the current dose, DLTs among them "
                        + "and the decision E, S, D or DU", column("n", INT64), column("dlts", INT64),
                        column("decision", STRING))));
    }

    @Override
    protected MethodResult run(ExportSettings settings, MethodContext context) {
        DecisionTable table = settings.table();
        List<Object> n = new ArrayList<>();
        List<Object> dlts = new ArrayList<>();
        List<Object> decision = new ArrayList<>();
        for (int patients = 1; patients <= table.maxN(); patients++) {
            if (table.hasRow(patients)) {
                for (int y = 0; y <= patients; y++) {
                    n.add((long) patients);
                    dlts.add((long) y);
                    decision.add(table.at(patients, y).name());
                }
            }
        }
        List<Object> written = new ArrayList<>();
        for (String file : new String[] {settings.csv(), settings.json()}) {
            if (file != null) {
                try {
                    DecisionTableFiles.write(table, Path.of(file));
                } catch (IOException e) {
                    throw new InvalidParameterException("cannot write " + file + ": " + e.getMessage());
                }
                written.add(file);
            }
        }
        Table out = Table.builder(context.allocator())
                .add("n", ColumnType.INT64, n)
                .add("dlts", ColumnType.INT64, dlts)
                .add("decision", ColumnType.STRING, decision)
                .build();
        return MethodResult.builder()
                .output("decisionTable", out)
                .summary("tableDesign", table.design())
                .summary("cohortSize", (long) table.cohortSize())
                .summary("maxN", (long) table.maxN())
                .summary("filesWritten", written)
                .build();
    }
}
