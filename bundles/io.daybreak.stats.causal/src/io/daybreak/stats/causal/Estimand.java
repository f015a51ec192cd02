package io.daybreak.stats.causal;

/**
 * Whose effect: the whole population (ATE), the treated (ATT: what the external-control-arm question asks),
 * or the overlap population (ATO: weights e(1 − e) emphasise patients who could have been in either arm).
 */
public enum Estimand {
    ATE, ATT, ATO;

    /**
     * The balancing weight of a patient with propensity score e. ATE: 1/e or 1/(1 − e); ATT: 1 or e/(1 − e);
     * ATO: 1 − e or e (Li, Morgan &amp; Zaslavsky 2018).
     */
    public double weight(int treated, double e) {
        return switch (this) {
        case ATE -> treated == 1 ? 1 / e : 1 / (1 - e);
        case ATT -> treated == 1 ? 1 : e / (1 - e);
        case ATO -> treated == 1 ? 1 - e : e;
        };
    }
}
