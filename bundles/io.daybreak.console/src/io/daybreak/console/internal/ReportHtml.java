package io.daybreak.console.internal;

import io.daybreak.charts.svg.SvgRenderer;

/** Small HTML pieces the method-specific report sections share. */
final class ReportHtml {
    private ReportHtml() {
    }

    /** A caption paragraph under a chart or table, escaped, in the report's muted style. */
    static String caption(String text) {
        return "<p class=\"meta\">" + SvgRenderer.escape(text) + "</p>";
    }
}
