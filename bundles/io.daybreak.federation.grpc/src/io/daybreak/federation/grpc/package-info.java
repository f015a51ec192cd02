/**
 * Site nodes on the network: the gRPC server with mutual TLS ({@link io.daybreak.federation.grpc.NodeServer},
 * {@link io.daybreak.federation.grpc.SiteNodeRunner}; {@link io.daybreak.federation.grpc.SiteNodes} starts nodes that
 * follow the installed method bundles and their pins, ADR 0014), the coordinator's connections
 * ({@link io.daybreak.federation.grpc.RemoteSites}) and the study PKI ({@link io.daybreak.federation.grpc.StudyPki}).
 * Protocol version 2 (ADR 0013).
 */
@org.osgi.annotation.versioning.Version("0.2.0")
package io.daybreak.federation.grpc;
