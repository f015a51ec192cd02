package io.daybreak.methods.stats.survival;

import java.util.ArrayList;
import java.util.List;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.data.Table;
import io.daybreak.stats.models.columns.SiteSplit;
import io.daybreak.stats.models.formula.Formula;
import io.daybreak.stats.models.formula.ModelFrame;
import io.daybreak.stats.models.formula.ModelMatrix;
import io.daybreak.stats.models.survival.SurvivalColumns;
import io.daybreak.stats.models.survival.SurvivalInput;

/** The data of a Cox model, read the same way by stats.cox and its diagnostics. */
public final class CoxData {
    private CoxData() {
    }

    /**
     * The model matrix of the formula (or covariates) without intercept, with the strata parameter's column (null:
     * none) as a strata() term; rows complete also in the site column when the rows are split.
     */
    public static ModelMatrix read(Table data, SurvivalColumns survival, CoxModel model, String strataColumn,
            SiteSplit split) {
        SurvivalInput.data(data);
        Formula formula = model.model(survival);
        if (strataColumn != null) {
            List<String> strata = new ArrayList<>(formula.strata());
            strata.add(strataColumn);
            formula = new Formula(formula.response(), formula.terms(), formula.intercept(), formula.offsets(), strata,
                    formula.cluster());
        }
        if (!formula.offsets().isEmpty()) {
            throw new InvalidParameterException("parameter 'formula': a Cox model here takes no offset()");
        }
        ModelMatrix matrix = ModelFrame.build(data, formula, ModelFrame.Options.local("formula", model.references(),
                CoxModel.eventValue(survival)), split.split() ? List.of(split.siteColumn()) : List.of());
        if (matrix.columns() <= (matrix.hasIntercept() ? 1 : 0)) {
            throw new InvalidParameterException("parameter 'formula': the Cox model needs at least one covariate");
        }
        return matrix.withoutIntercept();
    }
}
