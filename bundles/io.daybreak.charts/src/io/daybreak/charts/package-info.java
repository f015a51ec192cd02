/**
 * The chart model shared by the console's HTML reports and the IDE: what is drawn (Kaplan-Meier curves with
 * confidence bands, censor marks and numbers at risk, forest plots, grouped bars, lines, waterfall and spider
 * plots, volcano plots of drug-event signals, the adverse-event dot plot, annotated curves for the biomarker
 * charts: coefficient paths, cross-validation and ROC curves, STEPP) and its axes, whose ranges, ticks and
 * tick labels are computed here once for every renderer.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.daybreak.charts;
