package io.daybreak.core.internal;

import java.util.Map;

import org.apache.arrow.memory.ArrowBuf;

import io.daybreak.core.method.Method;
import io.daybreak.core.method.MethodContext;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.MethodResult;
import io.daybreak.core.method.ParameterSpec;
import io.daybreak.core.method.Parameters;
import io.daybreak.core.method.TableSpec;
import io.daybreak.data.ColumnType;
import io.daybreak.data.DoubleColumn;
import io.daybreak.data.Table;

/** Small methods that exercise each path of the job service; registered by the tests themselves. */
final class TestMethods {
    private TestMethods() {
    }

    /** Sums AVAL of the optional input, scales it, and draws {@code draws} uniforms from stream i = row. */
    static final class Scale implements Method {
        static final String ID = "test.scale";

        @Override
        public MethodDescriptor descriptor() {
            return MethodDescriptor.builder(ID, "scaled sum and random draws")
                    .parameter(ParameterSpec.real("factor").min(-10).max(10).defaultValue(2.0))
                    .parameter(ParameterSpec.integer("draws").min(0).max(1000).defaultValue(3L))
                    .parameter(ParameterSpec.choice("mode", "sum", "mean").defaultValue("sum"))
                    .input(TableSpec.optional("data", "values", TableSpec.column("AVAL", ColumnType.FLOAT64)))
                    .output(TableSpec.of("draws", "uniform draws", TableSpec.column("u", ColumnType.FLOAT64)))
                    .build();
        }

        @Override
        public MethodResult apply(Map<String, Table> inputs, Parameters parameters, MethodContext context) {
            double total = 0;
            Table data = inputs.get("data");
            if (data != null) {
                DoubleColumn aval = data.doubles("AVAL");
                for (int row = 0; row < aval.size(); row++) {
                    total += aval.isNull(row) ? 0 : aval.get(row);
                }
                if (parameters.string("mode").equals("mean")) {
                    total /= aval.size();
                }
            }
            double[] u = new double[(int) parameters.integer("draws")];
            for (int i = 0; i < u.length; i++) {
                u[i] = context.random(i).nextDouble();
            }
            return MethodResult.builder()
                    .output("draws", Table.builder(context.allocator()).addFloat64("u", u).build())
                    .summary("result", parameters.real("factor") * total)
                    .build();
        }
    }

    /** Loops until cancelled (or {@code steps} run out), reporting progress. */
    static final class Slow implements Method {
        static final String ID = "test.slow";

        @Override
        public MethodDescriptor descriptor() {
            return MethodDescriptor.builder(ID, "sleeps in steps")
                    .parameter(ParameterSpec.integer("steps").min(1).defaultValue(1_000_000L))
                    .build();
        }

        @Override
        public MethodResult apply(Map<String, Table> inputs, Parameters parameters, MethodContext context)
                throws InterruptedException {
            long steps = parameters.integer("steps");
            for (long i = 0; i < steps; i++) {
                context.checkCancelled();
                context.progress((double) i / steps, "step " + i);
                Thread.sleep(2);
            }
            return MethodResult.builder().summary("steps", steps).build();
        }
    }

    /** Fails in the ways a method can: an exception, a leak, a bad output, a cross-parameter check. */
    static final class Faulty implements Method {
        static final String ID = "test.faulty";
        static volatile ArrowBuf leaked;

        @Override
        public MethodDescriptor descriptor() {
            return MethodDescriptor.builder(ID, "fails on demand")
                    .parameter(ParameterSpec.choice("fault", "throw", "leak", "bad-output", "bad-combination"))
                    .output(TableSpec.of("out", "a table with column x", TableSpec.column("x", ColumnType.FLOAT64)))
                    .build();
        }

        @Override
        public MethodResult apply(Map<String, Table> inputs, Parameters parameters, MethodContext context) {
            switch (parameters.string("fault")) {
            case "throw" -> throw new ArithmeticException("simulated numerical failure");
            case "leak" -> {
                leaked = context.allocator().buffer(1024);
                return MethodResult.builder()
                        .output("out", Table.builder(context.allocator()).addFloat64("x", 1).build()).build();
            }
            case "bad-output" -> {
                return MethodResult.builder()
                        .output("out", Table.builder(context.allocator()).addFloat64("y", 1).build()).build();
            }
            default -> throw new io.daybreak.core.method.InvalidParameterException("fault 'bad-combination' is not "
                    + "allowed with these data");
            }
        }
    }
}
