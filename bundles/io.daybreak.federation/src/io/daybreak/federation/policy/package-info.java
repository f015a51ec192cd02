/**
 * A site's disclosure policy (DataSHIELD's defaults unless its policy file says otherwise) and the refusals it
 * raises; which rule covers which release is in docs/security-releases.md.
 */
@org.osgi.annotation.versioning.Version("0.2.0")
package io.daybreak.federation.policy;
