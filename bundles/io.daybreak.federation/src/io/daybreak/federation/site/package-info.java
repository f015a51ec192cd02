/**
 * The transport-independent site node ({@link io.daybreak.federation.site.SiteNode}): authorisation, the replay that
 * finds each round's evaluation point, disclosure checks, the audit log and signing; and in-process sites
 * ({@link io.daybreak.federation.site.LocalSites}).
 */
@org.osgi.annotation.versioning.Version("0.2.0")
package io.daybreak.federation.site;
