package io.daybreak.methods.design.oc;

import io.daybreak.core.method.Choice;
import io.daybreak.core.method.Setting;

/** Settings group: assessment window and patient arrivals of the time-to-event designs. */
public record TiteAccrual(
        @Setting(unit = "days", min = 0, minInclusive = false, max = 3650, defaultValue = "90",
                doc = "DLT assessment window; a DLT occurs uniformly within it")
        double window,
        @Setting(unit = "days", min = 0, minInclusive = false, max = 3650, defaultValue = "15",
                doc = "mean days between patient arrivals (15: two patients a month)")
        double interarrival,
        @Setting(defaultValue = "poisson", doc = "arrivals as a Poisson process (exponential gaps) or at fixed intervals")
        @Choice({"poisson", "fixed"})
        String accrual) {

    /** The accrual model of the simulation. */
    public TiteSimulation.Accrual model() {
        return new TiteSimulation.Accrual(window, interarrival, accrual.equals("poisson"));
    }
}
