/**
 * R's model formulas for the regression methods: the parser ({@link io.daybreak.stats.models.formula.Formula}),
 * factor levels in R's order ({@link io.daybreak.stats.models.formula.LevelOrder}), the model matrix with treatment
 * contrasts and R's term and column names ({@link io.daybreak.stats.models.formula.ModelFrame}), and R's reading of
 * a survival status column ({@link io.daybreak.stats.models.formula.StatusCoding}).
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.daybreak.stats.models.formula;
