package io.daybreak.methods.design.simon;

import static io.daybreak.core.method.TableSpec.column;
import static io.daybreak.data.ColumnType.FLOAT64;
import static io.daybreak.data.ColumnType.INT64;
import static io.daybreak.data.ColumnType.STRING;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.osgi.service.component.annotations.Component;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.Method;
import io.daybreak.core.method.MethodContext;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.MethodResult;
import io.daybreak.core.method.Setting;
import io.daybreak.core.method.TableSpec;
import io.daybreak.data.ColumnType;
import io.daybreak.data.Table;
import io.daybreak.methods.design.oc.DesignMethod;
import io.daybreak.methods.design.oc.ResponseRates;

/** {@code design.simon}: Simon's optimal and minimax two-stage Phase II designs. */
@Component(service = Method.class)
public final class SimonMethod extends DesignMethod<SimonMethod.SimonSettings> {
    /** What design.simon takes. */
    record SimonSettings(ResponseRates rates,
            @Setting(min = 0, minInclusive = false, max = 0.5, maxInclusive = false, defaultValue = "0.05",
                    doc = "maximum type I error")
            double alpha,
            @Setting(min = 0, minInclusive = false, max = 0.5, maxInclusive = false, defaultValue = "0.2",
                    doc = "maximum type II error (power >= 1 - beta)")
            double beta,
            @Setting(unit = "patients", min = 2, max = 300, defaultValue = "100", doc = "largest total sample size searched")
            int nmax) {
    }

    public SimonMethod() {
        super(SimonSettings.class, MethodDescriptor.builder("design.simon",
                "Simon two-stage design: optimal and minimax")
                .category("design")
                .reference("Simon, Control Clin Trials 10:1-10 (1989); R clinfun::ph2simon")
                .description("Searches all two-stage designs with n <= nmax for the one with the smallest expected "
                        + "size under p0 (optimal) and the one with the smallest maximum size (minimax), with "
                        + "type I error <= alpha and power >= 1 - beta; reports r1/n1, r/n, PET0, EN0 and the "
                        + "attained error rates, all exact.")
                .output(TableSpec.of("designs", "the optimal and minimax designs", column("design", STRING),
                        column("r1", INT64), column("n1", INT64), column("r", INT64), column("n", INT64),
                        column("pet0", FLOAT64), column("en0", FLOAT64), column("alpha", FLOAT64),
                        column("power", FLOAT64))));
    }

    @Override
    protected MethodResult run(SimonSettings settings, MethodContext context) {
        double p0 = settings.rates().p0();
        double p1 = settings.rates().p1();
        int nmax = settings.nmax();
        SimonSearch.Result found = SimonSearch.search(p0, p1, settings.alpha(), settings.beta(), nmax);
        if (found.optimal() == null) {
            throw new InvalidParameterException("no two-stage design with n <= " + nmax + " meets alpha and beta; "
                    + "raise 'nmax' (allowed up to 300) or relax alpha/beta");
        }
        List<SimonDesign> designs = List.of(found.optimal(), found.minimax());
        List<String> names = List.of("optimal", "minimax");
        List<Object> name = new ArrayList<>(names);
        Table table = Table.builder(context.allocator())
                .add("design", ColumnType.STRING, name)
                .add("r1", ColumnType.INT64, longs(designs, SimonDesign::r1))
                .add("n1", ColumnType.INT64, longs(designs, SimonDesign::n1))
                .add("r", ColumnType.INT64, longs(designs, SimonDesign::r))
                .add("n", ColumnType.INT64, longs(designs, SimonDesign::n))
                .addFloat64("pet0", designs.stream().mapToDouble(SimonDesign::pet0).toArray())
                .addFloat64("en0", designs.stream().mapToDouble(SimonDesign::en0).toArray())
                .addFloat64("alpha", designs.stream().mapToDouble(SimonDesign::alpha).toArray())
                .addFloat64("power", designs.stream().mapToDouble(SimonDesign::power).toArray())
                .build();
        MethodResult.Builder result = MethodResult.builder().output("designs", table);
        for (int i = 0; i < designs.size(); i++) {
            SimonDesign d = designs.get(i);
            String prefix = names.get(i);
            result.summary(prefix + "R1", (long) d.r1()).summary(prefix + "N1", (long) d.n1())
                    .summary(prefix + "R", (long) d.r()).summary(prefix + "N", (long) d.n())
                    .summary(prefix + "Pet0", d.pet0()).summary(prefix + "En0", d.en0())
                    .summary(prefix + "Alpha", d.alpha()).summary(prefix + "Power", d.power());
        }
        return result.build();
    }

    private static List<Object> longs(List<SimonDesign> designs, java.util.function.ToIntFunction<SimonDesign> field) {
        return Arrays.asList(designs.stream().map(d -> (Object) (long) field.applyAsInt(d)).toArray());
    }
}
