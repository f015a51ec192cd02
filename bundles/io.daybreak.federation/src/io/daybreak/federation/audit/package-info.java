/**
 * A site node's keyed, anchored, append-only audit log ({@link io.daybreak.federation.audit.AuditLog}) and its
 * verifier ({@link io.daybreak.federation.audit.AuditVerifier}); design in docs/adr/0012-audit-log-evidence.md.
 */
@org.osgi.annotation.versioning.Version("0.1.1")
package io.daybreak.federation.audit;
