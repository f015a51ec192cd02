package io.daybreak.methods.design.oc;

import io.daybreak.core.method.ParameterSpec;
import io.daybreak.core.method.Parameters;
import io.daybreak.core.method.Settings;

/**
 * Single dose-finding parameters for the methods that still declare parameters one by one (compare, pathways).
 * The specs come from the settings groups ({@link DoseTruth}, {@link Cohorts}, {@link Simulation}), so each is
 * declared once.
 */
public final class DesignParameters {
    private DesignParameters() {
    }

    public static ParameterSpec target() {
        return Settings.spec(DoseTruth.class, "target");
    }

    public static ParameterSpec cohortSize() {
        return Settings.spec(Cohorts.class, "cohortSize");
    }

    public static ParameterSpec cohorts() {
        return Settings.spec(Cohorts.class, "cohorts");
    }

    public static ParameterSpec startDose() {
        return Settings.spec(Cohorts.class, "startDose");
    }

    public static ParameterSpec trials() {
        return Settings.spec(Simulation.class, "trials");
    }

    /** The 0-based start dose, checked against the number of doses. */
    public static int startDose(Parameters parameters, int doses) {
        return Cohorts.startIndex(parameters.integer("startDose"), doses);
    }
}
