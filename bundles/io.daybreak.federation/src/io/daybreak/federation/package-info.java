/**
 * The federated-method contract: a method bundle provides {@link io.daybreak.federation.SiteStep}s (what a site
 * computes from its own rows, under its {@link io.daybreak.federation.ReleaseGuard}) and
 * {@link io.daybreak.federation.FederatedMethod}s (the coordinator code, which every site also replays to find the
 * points it evaluates at, ADR 0013); releases are {@link io.daybreak.federation.Aggregates}.
 * {@link io.daybreak.federation.FederatedRun} opens and runs an analysis the way a coordinator must.
 */
@org.osgi.annotation.versioning.Version("0.3.0")
package io.daybreak.federation;
