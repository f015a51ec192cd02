/**
 * The exact federated GLM and Cox algorithms (coordinator code every site also replays, ADR 0013), the formats of
 * the releases they sum, the risk-set rules, the argument checks of site steps and the meta-analysis across sites:
 * shared by every method bundle whose analyses fit these models (stats, causal, twin). No DS components.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.daybreak.stats.federated;
