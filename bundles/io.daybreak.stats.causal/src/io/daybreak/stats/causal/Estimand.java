package io.daybreak.stats.causal;

/**
 * Whose effect: the whole population (ATE), the treated (ATT: what the external-control-arm question asks), the
 * controls (ATC), or the overlap population (ATO: weights e(1 − e) emphasise patients who could have been in either
 * arm).
 */
public enum Estimand {
    ATE, ATT, ATC, ATO;

    /**
     * The balancing weight of a patient with propensity score e. ATE: 1/e or 1/(1 − e); ATT: 1 or e/(1 − e);
     * ATC: (1 − e)/e or 1; ATO: 1 − e or e (Li, Morgan &amp; Zaslavsky 2018).
     */
    public double weight(int treated, double e) {
        return switch (this) {
        case ATE -> treated == 1 ? 1 / e : 1 / (1 - e);
        case ATT -> treated == 1 ? 1 : e / (1 - e);
        case ATC -> treated == 1 ? (1 - e) / e : 1;
        case ATO -> treated == 1 ? 1 - e : e;
        };
    }

    /**
     * A patient's weight in the target population (for standardisation and Horvitz–Thompson): ATE 1, ATT the
     * treatment indicator, ATC its complement, ATO e(1 − e).
     */
    public double population(int treated, double e) {
        return switch (this) {
        case ATE -> 1;
        case ATT -> treated;
        case ATC -> 1 - treated;
        case ATO -> e * (1 - e);
        };
    }
}
