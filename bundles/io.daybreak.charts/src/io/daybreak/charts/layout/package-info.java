/**
 * Lays a chart out in a box as a {@link io.daybreak.charts.layout.Scene} of primitive shapes (lines, paths,
 * rectangles, text) in pixels. Renderers (SVG here, SWT in the IDE) only draw the primitives, so both show
 * the same geometry, ticks and labels.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.daybreak.charts.layout;
