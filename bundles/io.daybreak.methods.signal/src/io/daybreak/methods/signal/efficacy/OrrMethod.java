package io.daybreak.methods.signal.efficacy;

import static io.daybreak.core.method.TableSpec.column;
import static io.daybreak.data.ColumnType.FLOAT64;
import static io.daybreak.data.ColumnType.STRING;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.Method;
import io.daybreak.core.method.MethodContext;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.MethodResult;
import io.daybreak.core.method.Setting;
import io.daybreak.core.method.SettingsMethod;
import io.daybreak.core.method.TableSpec;
import io.daybreak.data.ColumnType;
import io.daybreak.data.Table;
import io.daybreak.stats.signal.efficacy.ResponseRate;

/**
 * {@code signal.orr}: the objective response rate by dose or cohort, with its exact Clopper–Pearson interval and
 * its Beta-binomial posterior (mean, equal-tailed credible interval, P(ORR &gt; target)).
 */
@Component(service = Method.class)
public final class OrrMethod extends SettingsMethod<OrrMethod.OrrSettings> {
    static final String ID = "signal.orr";
    static final String INPUT = "responses";
    static final String OUTPUT = "orr";

    /** What signal.orr takes: where the counts come from, the prior, the target and the level. */
    record OrrSettings(
            @Setting(defaultValue = "group", doc = "input column holding the dose or cohort (text or numbers)")
            String groupColumn,
            @Setting(defaultValue = "response", doc = "input column holding the response: 0/1 or true/false per "
                    + "patient, or the number of responses per group when patientsColumn is given")
            String responseColumn,
            @Setting(optional = true, doc = "input column holding the patients per group: the input then has one row "
                    + "per group (counts) instead of one row per patient")
            String patientsColumn,
            @Setting(unit = "patients", min = 0, optional = true, doc = "responses per group, comma-separated (instead "
                    + "of an input table)")
            double[] responses,
            @Setting(unit = "patients", min = 1, optional = true, doc = "patients per group, comma-separated (with "
                    + "'responses')")
            double[] patients,
            @Setting(optional = true, doc = "group labels, comma-separated (with 'responses'; default 1, 2, ...)")
            String groups,
            @Setting(min = 0, minInclusive = false, defaultValue = "0.5", doc = "a of the Beta(a, b) prior of the ORR "
                    + "(default: Jeffreys' Beta(0.5, 0.5))")
            double priorA,
            @Setting(min = 0, minInclusive = false, defaultValue = "0.5", doc = "b of the Beta(a, b) prior of the ORR")
            double priorB,
            @Setting(unit = "response rate", min = 0, max = 1, doc = "target ORR: P(ORR > target | data) is reported")
            double target,
            @Setting(min = 0, minInclusive = false, max = 1, maxInclusive = false, defaultValue = "0.95",
                    doc = "coverage of the Clopper-Pearson and credible intervals")
            double level) {

        OrrSettings {
            if ((responses == null) != (patients == null)) {
                throw new InvalidParameterException("give both 'responses' and 'patients' (counts per group) or neither "
                        + "(then an input table '" + INPUT + "' is read)");
            }
            if (groups != null && responses == null) {
                throw new InvalidParameterException("parameter 'groups' labels the counts in 'responses' and "
                        + "'patients'; give those too, or use groupColumn with an input table");
            }
        }
    }

    public OrrMethod() {
        super(OrrSettings.class, MethodDescriptor.builder(ID, "Objective response rate by dose or cohort: exact and "
                + "Bayesian")
                .category("signal")
                .reference("Clopper & Pearson, Biometrika 26:404-413 (1934) (as R binom.test); Gelman et al., Bayesian "
                        + "Data Analysis, 3rd ed., section 2.4")
                .description("Per group: n, responses, ORR = responses / n, the exact Clopper-Pearson interval (as R "
                        + "binom.test), and under a Beta(priorA, priorB) prior the posterior mean, the equal-tailed "
                        + "credible interval (qbeta) and P(ORR > target | data) (pbeta). Counts come from an input "
                        + "table 'responses' (one row per patient with groupColumn and a 0/1 responseColumn, or one "
                        + "row per group when patientsColumn is given) or from the parameters responses/patients.")
                .input(TableSpec.optional(INPUT, "one row per patient (group, 0/1 response; rows with either missing "
                        + "are left out) or, with patientsColumn, one row per group (group, responses, patients)"))
                .output(TableSpec.of(OUTPUT, "one row per group", column("group", STRING), column("n", FLOAT64),
                        column("responses", FLOAT64), column("orr", FLOAT64), column("cp_lower", FLOAT64),
                        column("cp_upper", FLOAT64), column("post_mean", FLOAT64), column("post_lower", FLOAT64),
                        column("post_upper", FLOAT64), column("p_above_target", FLOAT64))));
    }

    @Override
    protected MethodResult run(Map<String, Table> inputs, OrrSettings s, MethodContext context) {
        ResponseGroups groups = groups(inputs.get(INPUT), s);
        int k = groups.labels().size();
        List<List<Object>> columns = new ArrayList<>();
        for (int c = 0; c < 9; c++) {
            columns.add(new ArrayList<>(k));
        }
        for (int g = 0; g < k; g++) {
            ResponseRate rate = ResponseRate.of(groups.responses()[g], groups.patients()[g], s.level(), s.priorA(),
                    s.priorB(), s.target());
            double[] values = {rate.patients(), rate.responses(), rate.orr(), rate.cpLower(), rate.cpUpper(),
                rate.posteriorMean(), rate.posteriorLower(), rate.posteriorUpper(), rate.probabilityAboveTarget()};
            for (int c = 0; c < values.length; c++) {
                columns.get(c).add(values[c]);
            }
        }
        String[] names = {"n", "responses", "orr", "cp_lower", "cp_upper", "post_mean", "post_lower", "post_upper",
            "p_above_target"};
        var builder = Table.builder(context.allocator()).add("group", ColumnType.STRING, groups.labels());
        for (int c = 0; c < names.length; c++) {
            builder.add(names[c], ColumnType.FLOAT64, columns.get(c));
        }
        return MethodResult.builder()
                .output(OUTPUT, builder.build())
                .summary("groups", (long) k)
                .summary("skippedRows", groups.skippedRows())
                .summary("level", s.level())
                .summary("target", s.target())
                .build();
    }

    private static ResponseGroups groups(Table table, OrrSettings s) {
        if (table != null) {
            if (s.responses() != null) {
                throw new InvalidParameterException("give either an input table '" + INPUT + "' or the parameters "
                        + "'responses' and 'patients', not both");
            }
            return s.patientsColumn() == null
                    ? ResponseGroups.perPatient(table, INPUT, s.groupColumn(), s.responseColumn())
                    : ResponseGroups.perGroup(table, INPUT, s.groupColumn(), s.responseColumn(), s.patientsColumn());
        }
        if (s.responses() == null) {
            throw new InvalidParameterException("no data: give an input table '" + INPUT + "' or the parameters "
                    + "'responses' and 'patients' (comma-separated counts per group)");
        }
        return ResponseGroups.fromParameters(s.responses(), s.patients(), s.groups());
    }
}
