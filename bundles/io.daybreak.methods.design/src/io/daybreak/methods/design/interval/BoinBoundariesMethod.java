package io.daybreak.methods.design.interval;

import static io.daybreak.core.method.TableSpec.column;
import static io.daybreak.data.ColumnType.INT64;

import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Component;

import io.daybreak.core.method.Adjust;
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

/** {@code design.boin-boundaries}: BOIN's escalation, de-escalation and elimination boundaries as a table. */
@Component(service = Method.class)
public final class BoinBoundariesMethod extends DesignMethod<BoinBoundariesMethod.BoundariesSettings> {
    /** What design.boin-boundaries takes: BOIN's rates and elimination cutoff, and the patients the table covers. */
    record BoundariesSettings(
            @Setting(unit = "DLT rate", min = 0, minInclusive = false, max = 1, maxInclusive = false,
                    doc = "target DLT rate phi")
            double target,
            @Setting(unit = "DLT rate", min = 0, minInclusive = false, max = 1, maxInclusive = false, optional = true,
                    doc = "highest rate considered sub-therapeutic, phi1; default 0.6 target")
            Double pSafe,
            @Setting(unit = "DLT rate", min = 0, minInclusive = false, max = 1, maxInclusive = false, optional = true,
                    doc = "lowest rate considered overly toxic, phi2; default 1.4 target")
            Double pTox,
            @Adjust(name = "cohorts", doc = "rows of the table: n up to cohorts x cohortSize")
            CohortPlan cohorts,
            @Adjust(name = "eliminationCutoff", doc = "eliminate when P(DLT rate > target | data) exceeds this")
            EliminationRule elimination) {

        BoundariesSettings {
            // Refuses pSafe >= target and the like when the parameters are bound, before the run starts.
            BoinMethod.boundaries(target, pSafe, pTox);
        }

        BoinBoundaries boundaries() {
            return BoinMethod.boundaries(target, pSafe, pTox);
        }
    }

    public BoinBoundariesMethod() {
        super(BoundariesSettings.class, MethodDescriptor.builder("design.boin-boundaries",
                "BOIN decision boundaries")
                .category("design")
                .reference("Liu & Yuan, JRSS-C 64:507-523 (2015); Yuan et al., Clin Cancer Res 22:4291 (2016); "
                        + "R package BOIN, get.boundary")
                .description("Escalation and de-escalation boundaries lambda_e, lambda_d and, for n = cohortSize, "
                        + "2 cohortSize, ..., the DLT counts at which to escalate, de-escalate and eliminate, as the "
                        + "published BOIN tables show them.")
                .output(TableSpec.of("boundaries", "per number of patients at a dose: escalate if DLTs <= "
                        + "escalateIfAtMost, de-escalate if >= deescalateIfAtLeast, eliminate if >= eliminateIfAtLeast "
                        + "(null: never at this n)", column("patients", INT64), column("escalateIfAtMost", INT64),
                        column("deescalateIfAtLeast", INT64), column("eliminateIfAtLeast", INT64))));
    }

    @Override
    protected MethodResult run(BoundariesSettings settings, MethodContext context) {
        BoinBoundaries boundaries = settings.boundaries();
        double pSafe = boundaries.pSafe();
        double pTox = boundaries.pTox();
        List<BoinBoundaries.Row> rows = boundaries.table(settings.cohorts().cohortSize(), settings.cohorts().cohorts(),
                settings.elimination().eliminationCutoff());
        List<Object> n = new ArrayList<>();
        List<Object> escalate = new ArrayList<>();
        List<Object> deescalate = new ArrayList<>();
        List<Object> eliminate = new ArrayList<>();
        for (BoinBoundaries.Row row : rows) {
            n.add((long) row.patients());
            escalate.add(row.escalateIfAtMost() == null ? null : (long) row.escalateIfAtMost());
            deescalate.add(row.deescalateIfAtLeast() == null ? null : (long) row.deescalateIfAtLeast());
            eliminate.add(row.eliminateIfAtLeast() == null ? null : (long) row.eliminateIfAtLeast());
        }
        Table table = Table.builder(context.allocator())
                .add("patients", ColumnType.INT64, n)
                .add("escalateIfAtMost", ColumnType.INT64, escalate)
                .add("deescalateIfAtLeast", ColumnType.INT64, deescalate)
                .add("eliminateIfAtLeast", ColumnType.INT64, eliminate)
                .build();
        return MethodResult.builder()
                .output("boundaries", table)
                .summary("lambdaE", boundaries.lambdaE())
                .summary("lambdaD", boundaries.lambdaD())
                .summary("pSafe", pSafe)
                .summary("pTox", pTox)
                .summary("escalateIfAtMost", n.isEmpty() ? List.of() : nullsAsMinusOne(escalate))
                .summary("deescalateIfAtLeast", nullsAsMinusOne(deescalate))
                .summary("eliminateIfAtLeast", nullsAsMinusOne(eliminate))
                .build();
    }

    /** Summary lists cannot hold nulls: −1 stands for "never at this n". */
    private static List<Object> nullsAsMinusOne(List<Object> values) {
        return values.stream().map(v -> v == null ? (Object) (-1L) : v).toList();
    }
}
