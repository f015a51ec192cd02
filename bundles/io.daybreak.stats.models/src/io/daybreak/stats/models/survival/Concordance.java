package io.daybreak.stats.models.survival;

/**
 * Harrell's concordance of a Cox model's linear predictors with right-censored survival, as R's
 * {@code survival::concordance(fit)} reports it for a {@code coxph} fit (survival 3.5-3, {@code timewt = "n"},
 * unit case weights): a pair is comparable when the earlier time is an event and the other subject is still
 * observed after it (a later time, or censored at the same time); it is concordant when the subject with the
 * event has the higher risk score. Ties in the risk score count one half:
 * C = (concordant + tied.x / 2) / (concordant + discordant + tied.x). Pairs of events at the same time
 * (tied.y, tied.xy) are counted but not used. With strata, pairs are formed within strata only and the counts
 * add.
 *
 * <p>The standard error is R's infinitesimal jackknife: with N = concordant + discordant + tied.x, Somers' d
 * = (c − d)/N and, for each subject, its own counts of concordant, discordant and x-tied pairs (c_i, d_i, t_i),
 * dfbeta_i = (c_i − d_i)/N − d·(c_i + d_i + t_i)/N and var(C) = Σ dfbeta_i² / 4 ({@code concordancefit}). R
 * counts with a balanced tree in O(n log n); this counts the same pairs directly in O(n²) per stratum, so keep n
 * in the tens of thousands.
 *
 * @param concordance   C
 * @param standardError the square root of R's {@code var}
 * @param concordant    pairs where the event comes first for the higher risk score (R's {@code count})
 * @param discordant    pairs where it comes first for the lower risk score
 * @param tiedX         comparable pairs with equal risk scores
 * @param tiedY         pairs of events at the same time, risk scores not equal
 * @param tiedXY        pairs of events at the same time with equal risk scores
 */
public record Concordance(double concordance, double standardError, double concordant, double discordant,
        double tiedX, double tiedY, double tiedXY) {

    /**
     * The concordance of risk scores with survival.
     *
     * @param time   follow-up times
     * @param event  event indicators
     * @param risk   risk scores, e.g. the linear predictors x'β̂ (higher: shorter survival expected)
     * @param strata stratum of each subject (any integer codes; null: one stratum)
     */
    public static Concordance of(double[] time, boolean[] event, double[] risk, int[] strata) {
        int n = time.length;
        if (event.length != n || risk.length != n || strata != null && strata.length != n) {
            throw new IllegalArgumentException("time, event, risk and strata must have the same length");
        }
        // per subject: pairs with a higher risk score dying first (k = 0), a lower (1), tied risk scores (2),
        // counted as R's C code counts them before reverse = TRUE swaps concordant and discordant
        double[][] own = new double[n][3];
        double[] count = new double[5];
        for (int i = 0; i < n; i++) {
            if (!event[i]) {
                continue;
            }
            for (int j = 0; j < n; j++) {
                if (j == i || strata != null && strata[i] != strata[j]) {
                    continue;
                }
                if (time[j] > time[i] || time[j] == time[i] && !event[j]) {
                    int k = risk[j] > risk[i] ? 0 : risk[j] < risk[i] ? 1 : 2;
                    count[k]++;
                    own[i][k]++;
                    own[j][k]++;
                } else if (time[j] == time[i] && event[j] && j > i) {
                    count[risk[j] == risk[i] ? 4 : 3]++;
                }
            }
        }
        double pairs = count[0] + count[1] + count[2];
        double somers = (count[0] - count[1]) / pairs;
        double variance = 0;
        for (double[] subject : own) {
            double dfbeta = (subject[0] - subject[1]) / pairs - somers / pairs * (subject[0] + subject[1] + subject[2]);
            variance += dfbeta * dfbeta;
        }
        variance /= 4;
        // reverse = TRUE (coxph): a higher risk score predicts a shorter time
        return new Concordance(1 - (somers + 1) / 2, Math.sqrt(variance), count[1], count[0], count[2], count[3],
                count[4]);
    }
}
