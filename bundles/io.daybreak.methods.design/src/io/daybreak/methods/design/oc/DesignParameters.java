package io.daybreak.methods.design.oc;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.ParameterSpec;
import io.daybreak.core.method.Parameters;

/** The parameters every dose-finding simulator takes (names are a public contract), declared once. */
public final class DesignParameters {
    private DesignParameters() {
    }

    public static ParameterSpec.Builder truth() {
        return ParameterSpec.reals("truth").greaterThan(0).lessThan(1).unit("DLT probability")
                .doc("true DLT probability at each dose, lowest first, e.g. 0.05,0.1,0.2,0.3,0.5");
    }

    public static ParameterSpec.Builder target() {
        return ParameterSpec.real("target").greaterThan(0).lessThan(1).unit("DLT rate").doc("target DLT rate");
    }

    public static ParameterSpec.Builder cohortSize() {
        return ParameterSpec.integer("cohortSize").min(1).max(100).defaultValue(3L).unit("patients");
    }

    public static ParameterSpec.Builder cohorts() {
        return ParameterSpec.integer("cohorts").min(1).max(1000).defaultValue(10L).doc("maximum cohorts per trial");
    }

    public static ParameterSpec.Builder startDose() {
        return ParameterSpec.integer("startDose").min(1).defaultValue(1L).doc("starting dose level (1 = lowest)");
    }

    public static ParameterSpec.Builder trials() {
        return ParameterSpec.integer("trials").min(1).max(1_000_000_000).defaultValue(10_000L).doc("simulated trials");
    }

    /** The 0-based start dose, checked against the number of doses. */
    public static int startDose(Parameters parameters, int doses) {
        long start = parameters.integer("startDose");
        if (start > doses) {
            throw new InvalidParameterException("parameter 'startDose' = " + start + " exceeds the " + doses
                    + " doses of 'truth'; allowed: 1 to " + doses);
        }
        return (int) start - 1;
    }

    /** The assessment window of time-to-event designs. */
    public static ParameterSpec.Builder window() {
        return ParameterSpec.real("window").greaterThan(0).max(3650).defaultValue(90.0).unit("days")
                .doc("DLT assessment window; a DLT occurs uniformly within it");
    }

    /** Mean time between arrivals of time-to-event designs. */
    public static ParameterSpec.Builder interarrival() {
        return ParameterSpec.real("interarrival").greaterThan(0).max(3650).defaultValue(15.0).unit("days")
                .doc("mean days between patient arrivals (15: two patients a month)");
    }

    public static ParameterSpec.Builder accrual() {
        return ParameterSpec.choice("accrual", "poisson", "fixed").defaultValue("poisson")
                .doc("arrivals as a Poisson process (exponential gaps) or at fixed intervals");
    }

    /** The accrual model from {@link #window()}, {@link #interarrival()} and {@link #accrual()}. */
    public static TiteSimulation.Accrual accrual(Parameters parameters) {
        return new TiteSimulation.Accrual(parameters.real("window"), parameters.real("interarrival"),
                parameters.string("accrual").equals("poisson"));
    }

    /** Start dose, cohort size and sample size (cohortSize × cohorts) of a time-to-event design. */
    public static TiteTrial.Enrolment enrolment(Parameters parameters, int doses) {
        int cohortSize = (int) parameters.integer("cohortSize");
        return new TiteTrial.Enrolment(startDose(parameters, doses), cohortSize,
                cohortSize * (int) parameters.integer("cohorts"));
    }
}
