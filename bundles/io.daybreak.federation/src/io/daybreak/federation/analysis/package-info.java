/**
 * Analyses as specified and signed (ADR 0013): the specification fixed when an analysis opens
 * ({@link io.daybreak.federation.analysis.AnalysisSpec}), sites' signed releases and their verification against the
 * study CA, the request of one round, and the coordinator's view of an open analysis
 * ({@link io.daybreak.federation.analysis.AnalysisSites}), which checks every release before it is used.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.daybreak.federation.analysis;
