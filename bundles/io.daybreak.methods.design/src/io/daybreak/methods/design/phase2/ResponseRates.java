package io.daybreak.methods.design.phase2;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.ParameterSpec;
import io.daybreak.core.method.Parameters;

/** The null and alternative response rates that single-arm Phase II designs take, declared and checked once. */
public final class ResponseRates {
    private ResponseRates() {
    }

    public static ParameterSpec.Builder p0() {
        return ParameterSpec.real("p0").greaterThan(0).lessThan(1).unit("response rate")
                .doc("uninteresting response rate (null hypothesis)");
    }

    public static ParameterSpec.Builder p1() {
        return ParameterSpec.real("p1").greaterThan(0).lessThan(1).unit("response rate")
                .doc("desirable response rate (alternative), > p0");
    }

    /** {p0, p1}, after checking p1 &gt; p0. */
    public static double[] ordered(Parameters parameters) {
        double p0 = parameters.real("p0");
        double p1 = parameters.real("p1");
        if (p1 <= p0) {
            throw new InvalidParameterException("parameter 'p1' = " + p1 + " must exceed 'p0' = " + p0);
        }
        return new double[] {p0, p1};
    }
}
