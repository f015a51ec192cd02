/** Renders a laid-out chart as inline SVG for self-contained HTML reports (no scripts, no external files). */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.daybreak.charts.svg;
