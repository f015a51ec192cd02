package io.daybreak.console.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Synthetic signal result tables with the contract's columns, from a seeded generator, for the report test that
 * writes the example report (and the screenshots in docs/images). The statistics are computed here from the
 * generated counts by their textbook formulas (PRR and ROR with Wald limits on the log scale, Yates' chi-square,
 * Fisher's exact two-sided p by R's rule, IC with Norén's closed-form limits, risk differences with Wald limits);
 * they are illustrations, not references: the methods' own tests validate the statistics.
 */
final class SignalReportExample {
    private static final double Z = 1.959963984540054;
    private static final String[] DRUGS = {"Drugzumab", "Oldmab", "Fastinib", "Slowstatin", "Calmazepam"};
    private static final String[] EVENTS = {"Hepatitis", "Rash", "Nausea", "Fatigue", "Pneumonitis", "Colitis",
        "Neutropenia", "Headache", "Diarrhoea", "Hypothyroidism", "Myocarditis", "Alopecia", "Insomnia", "Arthralgia",
        "Dizziness", "Pruritus", "Cough", "Oedema", "Anaemia", "Stomatitis"};

    private SignalReportExample() {
    }

    /** A spontaneous-report database: 5 drugs x 20 events, a few pairs reported in excess. */
    static List<Object> signals(long seed) {
        Random random = new Random(seed);
        int drugs = DRUGS.length;
        int events = EVENTS.length;
        long[][] counts = new long[drugs][events];
        for (int d = 0; d < drugs; d++) {
            for (int e = 0; e < events; e++) {
                double mean = 4 + 40 * random.nextDouble() * random.nextDouble();
                boolean excess = (d * 7 + e * 3) % 11 == 0;
                counts[d][e] = poisson(random, excess ? mean * (2 + 3 * random.nextDouble()) : mean);
            }
        }
        long total = 0;
        long[] byDrug = new long[drugs];
        long[] byEvent = new long[events];
        for (int d = 0; d < drugs; d++) {
            for (int e = 0; e < events; e++) {
                total += counts[d][e];
                byDrug[d] += counts[d][e];
                byEvent[e] += counts[d][e];
            }
        }
        double[] logFactorial = logFactorials((int) total);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int d = 0; d < drugs; d++) {
            for (int e = 0; e < events; e++) {
                long a = counts[d][e];
                long b = byDrug[d] - a;
                long c = byEvent[e] - a;
                long dd = total - a - b - c;
                rows.add(pair(DRUGS[d], EVENTS[e], a, b, c, dd, logFactorial));
            }
        }
        rows.sort((x, y) -> Double.compare((double) y.get("prr"), (double) x.get("prr")));
        return new ArrayList<>(rows);
    }

    private static Map<String, Object> pair(String drug, String event, long a, long b, long c, long d,
            double[] logFactorial) {
        double n = a + b + c + d;
        double expected = (double) (a + b) * (a + c) / n;
        double prr = (a / (double) (a + b)) / (c / (double) (c + d));
        double prrSe = Math.sqrt(1.0 / a - 1.0 / (a + b) + 1.0 / c - 1.0 / (c + d));
        double ror = (double) a * d / ((double) b * c);
        double rorSe = Math.sqrt(1.0 / a + 1.0 / b + 1.0 / c + 1.0 / d);
        double chisq = n * Math.pow(Math.max(0, Math.abs((double) a * d - (double) b * c) - n / 2), 2)
                / ((double) (a + b) * (c + d) * (a + c) * (b + d));
        double ic = Math.log((a + 0.5) / (expected + 0.5)) / Math.log(2);
        double icLower = ic - 3.3 * Math.pow(a + 0.5, -0.5) - 2 * Math.pow(a + 0.5, -1.5);
        double icUpper = ic + 2.4 * Math.pow(a + 0.5, -0.5) - 0.5 * Math.pow(a + 0.5, -1.5);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("drug", drug);
        row.put("event", event);
        row.put("n", (double) a);
        row.put("n_drug", (double) (a + b));
        row.put("n_event", (double) (a + c));
        row.put("n_total", n);
        row.put("expected", expected);
        row.put("prr", prr);
        row.put("prr_lower", prr * Math.exp(-Z * prrSe));
        row.put("prr_upper", prr * Math.exp(Z * prrSe));
        row.put("chisq_yates", chisq);
        row.put("ror", ror);
        row.put("ror_lower", ror * Math.exp(-Z * rorSe));
        row.put("ror_upper", ror * Math.exp(Z * rorSe));
        row.put("fisher_p", fisher(a, b, c, d, logFactorial));
        row.put("ic", ic);
        row.put("ic_lower", icLower);
        row.put("ic_upper", icUpper);
        boolean signalPrr = prr >= 2 && chisq >= 4 && a >= 3;
        row.put("signal_prr", signalPrr);
        row.put("signal_ror", ror * Math.exp(-Z * rorSe) > 1);
        row.put("signal_ic", icLower > 0);
        // the run chose the PRR criterion only
        row.put("signal", signalPrr);
        return row;
    }

    /** An AE table: 30 terms in 5 body systems, placebo and two doses. */
    static List<Object> ae(long seed) {
        Random random = new Random(seed);
        String[][] systems = {
            {"Gastrointestinal disorders", "Nausea", "Vomiting", "Diarrhoea", "Constipation", "Abdominal pain", "Stomatitis",
                "Dyspepsia"},
            {"Skin and subcutaneous tissue disorders", "Rash", "Pruritus", "Alopecia", "Dry skin", "Erythema"},
            {"Nervous system disorders", "Headache", "Dizziness", "Peripheral neuropathy", "Dysgeusia", "Paraesthesia",
                "Somnolence"},
            {"Blood and lymphatic system disorders", "Anaemia", "Neutropenia", "Thrombocytopenia", "Leukopenia",
                "Lymphopenia"},
            {"General disorders", "Fatigue", "Pyrexia", "Oedema peripheral", "Asthenia", "Chills", "Mucosal inflammation",
                "Chest pain"}};
        String[] arms = {"Drug 10 mg", "Drug 20 mg"};
        int[] atRisk = {118, 121};
        int placeboN = 120;
        List<Object> rows = new ArrayList<>();
        double[] logFactorial = logFactorials(400);
        for (String[] system : systems) {
            for (int t = 1; t < system.length; t++) {
                double base = 0.03 + 0.25 * random.nextDouble();
                double effect = (t % 3 == 0 ? 0.12 : 0.03) * random.nextGaussian() + (t % 4 == 1 ? 0.08 : 0);
                int control = binomial(random, placeboN, base);
                for (int arm = 0; arm < arms.length; arm++) {
                    double p = Math.min(0.95, Math.max(0.005, base + effect * (arm + 1)));
                    int cases = binomial(random, atRisk[arm], p);
                    double pa = cases / (double) atRisk[arm];
                    double pc = control / (double) placeboN;
                    double se = Math.sqrt(pa * (1 - pa) / atRisk[arm] + pc * (1 - pc) / placeboN);
                    double rr = pa / pc;
                    double rrSe = Math.sqrt(1.0 / cases - 1.0 / atRisk[arm] + 1.0 / control - 1.0 / placeboN);
                    double fisher = fisher(cases, atRisk[arm] - cases, control, placeboN - control, logFactorial);
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("body_system", system[0]);
                    row.put("term", system[t]);
                    row.put("arm", arms[arm]);
                    row.put("control_arm", "Placebo");
                    row.put("n_arm", (double) cases);
                    row.put("N_arm", (double) atRisk[arm]);
                    row.put("incidence_arm", pa);
                    row.put("n_control", (double) control);
                    row.put("N_control", (double) placeboN);
                    row.put("incidence_control", pc);
                    row.put("risk_difference", pa - pc);
                    row.put("rd_lower", pa - pc - Z * se);
                    row.put("rd_upper", pa - pc + Z * se);
                    row.put("risk_ratio", rr);
                    row.put("rr_lower", rr * Math.exp(-Z * rrSe));
                    row.put("rr_upper", rr * Math.exp(Z * rrSe));
                    row.put("fisher_p", fisher);
                    // an illustration only (a normal approximation, not Berry and Berry's hierarchical model)
                    row.put("bb_prob_raised", 1 / (1 + Math.exp(-1.7 * (pa - pc) / Math.max(se, 1e-3))));
                    row.put("eair_arm", Double.NaN);
                    row.put("eair_control", Double.NaN);
                    rows.add(row);
                }
            }
        }
        adjust(rows, arms);
        return rows;
    }

    /**
     * Per arm: BH within each body system ({@code bh_p}) and the double FDR of Mehrotra and Heyse (2004) as the larger
     * of the body system's BH-adjusted smallest p (across systems) and the term's within-system BH p.
     */
    @SuppressWarnings("unchecked")
    private static void adjust(List<Object> rows, String[] arms) {
        for (String arm : arms) {
            Map<String, List<Map<String, Object>>> bySystem = new LinkedHashMap<>();
            for (Object row : rows) {
                Map<String, Object> r = (Map<String, Object>) row;
                if (r.get("arm").equals(arm)) {
                    bySystem.computeIfAbsent((String) r.get("body_system"), k -> new ArrayList<>()).add(r);
                }
            }
            List<String> systems = new ArrayList<>(bySystem.keySet());
            double[] smallest = new double[systems.size()];
            for (int s = 0; s < smallest.length; s++) {
                List<Map<String, Object>> terms = bySystem.get(systems.get(s));
                double[] within = bh(terms.stream().mapToDouble(r -> (double) r.get("fisher_p")).toArray());
                for (int t = 0; t < within.length; t++) {
                    terms.get(t).put("bh_p", within[t]);
                }
                smallest[s] = terms.stream().mapToDouble(r -> (double) r.get("fisher_p")).min().orElse(1);
            }
            double[] across = bh(smallest);
            for (int s = 0; s < smallest.length; s++) {
                for (Map<String, Object> r : bySystem.get(systems.get(s))) {
                    r.put("double_fdr_p", Math.max(across[s], (double) r.get("bh_p")));
                }
            }
        }
    }

    /** Benjamini-Hochberg adjusted p-values, as R's p.adjust(p, "BH"). */
    private static double[] bh(double[] p) {
        int m = p.length;
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(p[y], p[x]));
        double[] adjusted = new double[m];
        double running = 1;
        for (int k = 0; k < m; k++) {
            int i = order[k];
            running = Math.min(running, p[i] * m / (m - k));
            adjusted[i] = running;
        }
        return adjusted;
    }

    private static double[] logFactorials(int n) {
        double[] logFactorial = new double[n + 1];
        for (int i = 1; i <= n; i++) {
            logFactorial[i] = logFactorial[i - 1] + Math.log(i);
        }
        return logFactorial;
    }

    /** Fisher's exact test, two-sided as R's fisher.test: the tables no more probable than the observed one. */
    private static double fisher(long a, long b, long c, long d, double[] logFactorial) {
        long row1 = a + b;
        long row2 = c + d;
        long col1 = a + c;
        long n = row1 + row2;
        double observed = hypergeometric(a, row1, row2, col1, n, logFactorial);
        double p = 0;
        for (long x = Math.max(0, col1 - row2); x <= Math.min(row1, col1); x++) {
            double px = hypergeometric(x, row1, row2, col1, n, logFactorial);
            if (px <= observed * (1 + 1e-7)) {
                p += px;
            }
        }
        return Math.min(1, p);
    }

    private static double hypergeometric(long x, long row1, long row2, long col1, long n, double[] f) {
        return Math.exp(f[(int) row1] - f[(int) x] - f[(int) (row1 - x)] + f[(int) row2] - f[(int) (col1 - x)]
                - f[(int) (row2 - col1 + x)] - f[(int) n] + f[(int) col1] + f[(int) (n - col1)]);
    }

    private static long poisson(Random random, double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        long k = 0;
        while (product > limit) {
            product *= random.nextDouble();
            k++;
        }
        return k;
    }

    private static int binomial(Random random, int n, double p) {
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (random.nextDouble() < p) {
                k++;
            }
        }
        return Math.max(1, k);
    }
}
