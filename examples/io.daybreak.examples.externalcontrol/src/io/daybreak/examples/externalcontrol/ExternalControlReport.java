package io.daybreak.examples.externalcontrol;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import io.daybreak.data.AtomicFiles;
import io.daybreak.stats.causal.Balance;
import io.daybreak.stats.causal.MarginalMeans;
import io.daybreak.stats.causal.WeightedKaplanMeier;

/** The analysis as one self-contained HTML page (inline CSS and SVG), written atomically. */
final class ExternalControlReport {
    private static final String STYLE = "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto;color:#222}"
            + "table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #bbb;padding:.25em .6em;"
            + "text-align:right}th.text,td.text{text-align:left}caption{text-align:left;font-style:italic}"
            + ".note{color:#555}</style>";
    private static final double[] LANDMARKS = {180, 365};

    private ExternalControlReport() {
    }

    static void write(Path file, ExternalControlAnalysis analysis, String source) throws IOException {
        String html = html(analysis, source);
        AtomicFiles.write(file, out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write(html);
            writer.flush();
        });
    }

    static String html(ExternalControlAnalysis a, String source) {
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>External control arm</title>").append(STYLE).append("</head><body>\n")
                .append("<h1>External control arm for a single-arm trial</h1>\n<p class=\"note\">Data: ")
                .append(escape(source)).append(". Estimand: the average effect in the trial population (ATT); the "
                        + "historical controls are weighted by e/(1 &minus; e) to resemble the trial patients.</p>\n");
        h.append("<h2>1. Eligibility and time zero</h2>\n<p>The trial's criteria are applied to both sources. Time zero "
                + "is enrolment in the trial and the start of the qualifying line of therapy for a historical control; "
                + "controls not followed beyond it are left out (their earlier follow-up would be immortal time). "
                + "Follow-up is cut at ").append(fmt(Eligibility.TRIAL.followUpDays(), 0))
                .append(" days in both sources.</p>\n<table><tr><th class=\"text\">step</th><th>trial</th>"
                        + "<th>historical</th></tr>\n");
        for (CohortFlow.Step step : a.flow().steps) {
            h.append("<tr><td class=\"text\">").append(escape(step.criterion())).append("</td><td>").append(step.trial())
                    .append("</td><td>").append(step.historical()).append("</td></tr>\n");
        }
        h.append("</table>\n");
        propensity(h, a);
        balance(h, a.balance());
        survival(h, a);
        MarginalMeans.Contrast difference = a.response().difference(0.95);
        MarginalMeans.Contrast ratio = a.response().riskRatio(0.95);
        h.append("<h2>5. Objective response</h2>\n<p>Response rate ").append(pct(a.response().treated()))
                .append(" in the trial and ").append(pct(a.response().control())).append(" in the weighted controls: "
                        + "difference ").append(ci(difference, 3)).append(", risk ratio ").append(ci(ratio, 2))
                .append(". Real-world response assessments are less regular than a trial's RECIST schedule; treat "
                        + "this comparison with more caution than the survival one.</p>\n");
        h.append("<h2>6. Sensitivity to unmeasured confounding</h2>\n<p>E-value of the weighted hazard ratio: <b>")
                .append(fmt(a.eValue()[0], 2)).append("</b>; of its confidence limit closer to 1: <b>")
                .append(fmt(a.eValue()[1], 2)).append("</b> (VanderWeele &amp; Ding 2017; the hazard ratio converted "
                        + "for a common outcome). An unmeasured confounder associated with both trial membership and "
                        + "death by a risk ratio of this size each, beyond the measured covariates, could explain the "
                        + "effect away; a weaker one could not.</p>\n");
        h.append("<h2>Caveats</h2>\n<ul><li>Only measured covariates are balanced; the E-value bounds what an "
                + "unmeasured one would need to be.</li><li>Standard errors take the weights as known (robust "
                + "sandwich), which is conservative for estimated propensity scores.</li><li>Endpoint definitions and "
                + "assessment schedules must match between sources (FDA draft guidance on externally controlled "
                + "trials, 2023).</li></ul>\n</body></html>\n");
        return h.toString();
    }

    private static void propensity(StringBuilder h, ExternalControlAnalysis a) {
        h.append("<h2>2. Propensity of being in the trial</h2>\n<table><caption>logistic regression of trial "
                + "membership</caption><tr><th class=\"text\">term</th><th>estimate</th><th>std. error</th></tr>\n");
        double[] beta = a.propensity().fit().coefficients();
        double[] se = a.propensity().fit().standardErrors();
        for (int k = 0; k < beta.length; k++) {
            h.append("<tr><td class=\"text\">").append(k == 0 ? "(Intercept)" : escape(a.covariates().get(k - 1)))
                    .append("</td><td>").append(fmt(beta[k], 4)).append("</td><td>").append(fmt(se[k], 4))
                    .append("</td></tr>\n");
        }
        var o = a.overlap();
        h.append("</table>\n<p>Scores range over [").append(fmt(o.minTreated(), 3)).append(", ")
                .append(fmt(o.maxTreated(), 3)).append("] in the trial and [").append(fmt(o.minControl(), 3))
                .append(", ").append(fmt(o.maxControl(), 3)).append("] among the controls; ").append(o.outsideTreated())
                .append(" trial patient(s) lie outside the controls' range. Effective number of weighted controls: ")
                .append(fmt(a.effectiveControls(), 1)).append(".</p>\n");
    }

    private static void balance(StringBuilder h, List<Balance> rows) {
        h.append("<h2>3. Balance</h2>\n<table><caption>standardised mean differences (trial SD; raw difference for "
                + "binary covariates), as R cobalt reports them for the ATT</caption><tr><th class=\"text\">covariate"
                + "</th><th>trial mean</th><th>control mean before</th><th>difference before</th>"
                + "<th>control mean after</th><th>difference after</th></tr>\n");
        for (Balance b : rows) {
            h.append("<tr><td class=\"text\">").append(escape(b.covariate())).append("</td><td>")
                    .append(fmt(b.treatedBefore(), 2)).append("</td><td>").append(fmt(b.controlBefore(), 2))
                    .append("</td><td>").append(fmt(b.differenceBefore(), 3)).append("</td><td>")
                    .append(fmt(b.controlAfter(), 2)).append("</td><td>").append(fmt(b.differenceAfter(), 3))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void survival(StringBuilder h, ExternalControlAnalysis a) {
        MarginalMeans.Contrast weighted = a.weighted().hazardRatio(0.95);
        MarginalMeans.Contrast naive = a.naive().hazardRatio(0.95);
        h.append("<h2>4. Overall survival</h2>\n<p>Hazard ratio, trial versus weighted controls: <b>")
                .append(ci(weighted, 2)).append("</b> (Cox model with ATT weights, robust SE of log HR ")
                .append(fmt(a.weighted().robustStdError(), 3)).append("). Unweighted, the naive comparison gives ")
                .append(ci(naive, 2)).append(".</p>\n<table><tr><th class=\"text\">day</th><th>trial</th>"
                        + "<th>weighted controls</th><th>difference (95% CI)</th></tr>\n");
        for (double t : LANDMARKS) {
            MarginalMeans.Contrast d = a.weighted().survivalDifference(t, 0.95);
            h.append("<tr><td class=\"text\">").append(fmt(t, 0)).append("</td><td>")
                    .append(pct(a.weighted().treated().at(t)[0])).append("</td><td>")
                    .append(pct(a.weighted().control().at(t)[0])).append("</td><td>").append(ci(d, 3))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n").append(chart(a));
    }

    /** Kaplan–Meier curves as an inline SVG: trial, weighted controls, unweighted controls (dashed). */
    private static String chart(ExternalControlAnalysis a) {
        double width = 560;
        double height = 260;
        double horizon = Eligibility.TRIAL.followUpDays();
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"640\" height=\"300\" "
                + "role=\"img\" aria-label=\"Kaplan-Meier curves\"><g transform=\"translate(50,10)\">")
                .append("<rect width=\"").append(width).append("\" height=\"").append(height)
                .append("\" fill=\"none\" stroke=\"#999\"/>");
        for (int tick = 0; tick <= 4; tick++) {
            double y = height * tick / 4;
            svg.append("<text x=\"-8\" y=\"").append(fmt(y + 4, 1)).append("\" font-size=\"11\" text-anchor=\"end\">")
                    .append(fmt(1 - tick / 4.0, 2)).append("</text>");
            double x = width * tick / 4;
            svg.append("<text x=\"").append(fmt(x, 1)).append("\" y=\"").append(fmt(height + 16, 1))
                    .append("\" font-size=\"11\" text-anchor=\"middle\">").append(fmt(horizon * tick / 4, 0))
                    .append("</text>");
        }
        svg.append(path(a.weighted().treated(), "#1f5fa8", "", width, height, horizon))
                .append(path(a.weighted().control(), "#c0392b", "", width, height, horizon))
                .append(path(a.naive().control(), "#c0392b", " stroke-dasharray=\"5,4\"", width, height, horizon))
                .append("</g></svg>\n<p class=\"note\">Blue: trial. Red: historical controls with ATT weights; dashed: "
                        + "unweighted. Days from time zero.</p>\n");
        return svg.toString();
    }

    private static String path(WeightedKaplanMeier curve, String colour, String dash, double width, double height,
            double horizon) {
        StringBuilder d = new StringBuilder("M0,0");
        double[] t = curve.times();
        double[] s = curve.survival();
        double previous = 1;
        for (int i = 0; i < t.length && t[i] <= horizon; i++) {
            double x = width * t[i] / horizon;
            d.append(" H").append(fmt(x, 1)).append(" V").append(fmt(height * (1 - s[i]), 1));
            previous = s[i];
        }
        d.append(" H").append(fmt(width, 1)).append(" V").append(fmt(height * (1 - previous), 1));
        return "<path d=\"" + d + "\" fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"2\"" + dash + "/>";
    }

    private static String ci(MarginalMeans.Contrast c, int digits) {
        return fmt(c.estimate(), digits) + " (" + fmt(c.lower(), digits) + " to " + fmt(c.upper(), digits) + ")";
    }

    private static String pct(double p) {
        return fmt(100 * p, 1) + "%";
    }

    private static String fmt(double value, int digits) {
        return String.format(Locale.ROOT, "%." + digits + "f", value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
