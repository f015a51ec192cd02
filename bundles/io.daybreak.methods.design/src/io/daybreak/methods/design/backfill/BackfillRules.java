package io.daybreak.methods.design.backfill;

/**
 * How a dose-finding trial backfills (BF-BOIN, Zhao, Yuan, Korn &amp; Freidlin, Clin Cancer Res 30:673, 2024), in time
 * units of the caller's choice (BF-BOIN's are months). Patients arrive at {@code accrualRate} per time unit; an
 * arrival joins the escalation cohort while it has room; once the cohort is full and its DLT assessment windows are
 * not all over, the arrival is backfilled at the highest open dose below the current dose, or turned away when none is
 * open. A dose b below the current dose is open while (1) it has at least {@code minResponses} known responses,
 * (2) its known data — or those of b and b + 1 pooled — lie below the de-escalation boundary
 * ({@code y < ceil(n λd)}), and so does every dose below it (the first dose found unsafe closes itself and every dose
 * above), (3) it holds fewer than {@code perDoseCap} patients, escalation and backfill, and (4) fewer than
 * {@code totalCap} patients were backfilled in the trial. Backfilling ends with escalation.
 *
 * @param perDoseCap       a dose closes for backfilling once it holds this many patients (escalation and backfill)
 * @param totalCap         the most patients backfilled in one trial
 * @param accrualRate      patients arriving per time unit (BF-BOIN: per month)
 * @param poisson          arrivals as a Poisson process (exponential gaps, mean 1/rate); else gaps uniform on
 *                         (0, 2/rate), the BF-BOIN Shiny application's and the {@code bfboin} package's default
 * @param window           the DLT assessment window, in the same time unit
 * @param useInDecisions   pool backfill patients whose outcomes are known into the escalation design's data (its
 *                         decisions and its final selection), as BF-BOIN does; else they inform only the backfill
 *                         rules and the optimal-dose selection
 * @param minResponses     responses that must be known at a dose before it opens (BF-BOIN: 1; 0 opens a dose as soon
 *                         as escalation has cleared it); needs efficacy probabilities when above 0
 * @param lambdaD          the de-escalation boundary λd of the closing rule (BOIN's, e.g. 0.298 for a target of 0.25)
 * @param backfillOnlyRate patients per time unit of a second, independent accrual stream eligible for backfill only
 *                         (gaps drawn like the main stream's); they are backfilled, as a main-stream arrival would be,
 *                         while the full escalation cohort's outcomes are pending, and turned away otherwise; 0 for none
 *                         (BF-BOIN's single stream)
 */
public record BackfillRules(int perDoseCap, int totalCap, double accrualRate, boolean poisson, double window,
        boolean useInDecisions, int minResponses, double lambdaD, double backfillOnlyRate) {

    public BackfillRules {
        if (perDoseCap < 1 || totalCap < 0 || !(accrualRate > 0) || !(window > 0) || minResponses < 0
                || !(lambdaD > 0 && lambdaD < 1) || !(backfillOnlyRate >= 0) || Double.isInfinite(backfillOnlyRate)) {
            throw new IllegalArgumentException("backfill rules out of range: perDoseCap=" + perDoseCap + ", totalCap="
                    + totalCap + ", accrualRate=" + accrualRate + ", window=" + window + ", minResponses=" + minResponses
                    + ", lambdaD=" + lambdaD + ", backfillOnlyRate=" + backfillOnlyRate);
        }
    }

    /** BF-BOIN's single accrual stream (no backfill-only patients). */
    public BackfillRules(int perDoseCap, int totalCap, double accrualRate, boolean poisson, double window,
            boolean useInDecisions, int minResponses, double lambdaD) {
        this(perDoseCap, totalCap, accrualRate, poisson, window, useInDecisions, minResponses, lambdaD, 0);
    }

    /** The closing rule: y DLTs in n patients are at or above the de-escalation boundary (BOIN's y ≥ ⌈n λd⌉). */
    public boolean unsafe(int patients, int dlts) {
        return dlts >= (int) Math.ceil(Math.max(1, patients) * lambdaD);
    }

    /**
     * The highest dose open for backfilling below {@code current} (0-based), or −1: the rule of the class comment on the
     * data known at this moment.
     *
     * @param knownPatients  patients per dose whose outcome is known (escalation and backfill)
     * @param knownDlts      DLTs among them
     * @param enrolled       patients per dose treated so far, outcomes known or not
     * @param knownResponses responses per dose known so far
     * @param backfilled     patients backfilled so far in the trial
     */
    public int openDose(int current, int[] knownPatients, int[] knownDlts, int[] enrolled, int[] knownResponses,
            int backfilled) {
        if (backfilled >= totalCap) {
            return -1;
        }
        int open = -1;
        for (int b = 0; b < current; b++) {
            boolean safe = !unsafe(knownPatients[b], knownDlts[b])
                    || !unsafe(knownPatients[b] + knownPatients[b + 1], knownDlts[b] + knownDlts[b + 1]);
            if (!safe) {
                break; // closes b and every dose above it
            }
            if (knownResponses[b] >= minResponses && enrolled[b] < perDoseCap) {
                open = b;
            }
        }
        return open;
    }
}
