package io.daybreak.methods.causal;

import java.util.ArrayList;
import java.util.List;

import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.stats.causal.Propensity;
import io.daybreak.stats.models.survival.SurvivalInput;

/**
 * What every local causal method shares besides its settings ({@link CausalColumns}): the category, the data
 * input, and the warnings about overlap and left-out rows.
 */
final class CausalInput {
    private CausalInput() {
    }

    static MethodDescriptor.Builder declare(MethodDescriptor.Builder descriptor) {
        return descriptor.category("causal").input(SurvivalInput.DATA);
    }

    /** Warnings about the overlap and the rows left out for missing values, for the summary. */
    static List<Object> warnings(Propensity.Overlap overlap, int droppedRows) {
        List<Object> warnings = new ArrayList<>();
        if (overlap.outsideTreated() > 0) {
            warnings.add(overlap.outsideTreated() + " treated patient(s) have a propensity score outside the controls' "
                    + "range: no comparable control; consider 'trim' or the ATO estimand");
        }
        if (overlap.outsideControl() > 0) {
            warnings.add(overlap.outsideControl() + " control(s) have a propensity score outside the treated's range");
        }
        if (droppedRows > 0) {
            warnings.add(droppedRows + " row(s) left out for a missing value");
        }
        return warnings;
    }
}
