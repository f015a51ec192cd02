/**
 * The protocol-2 messages and service stub generated from {@code proto/daybreak/federation/v2/site.proto} (ADR 0013):
 * an analysis specification, signed releases and the step request that forwards them. Generated code; only this
 * file is written by hand.
 */
@org.osgi.annotation.versioning.Version("0.2.0")
package io.daybreak.federation.grpc.v2;
