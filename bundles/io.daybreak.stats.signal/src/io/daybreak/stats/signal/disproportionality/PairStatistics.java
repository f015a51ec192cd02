package io.daybreak.stats.signal.disproportionality;

/**
 * Disproportionality statistics of one drug–event pair from its 2 × 2 table a = n, b = n_drug − a, c = n_event − a,
 * d = n_total − a − b − c. A statistic that the table does not define is null (never NaN): see
 * {@link Disproportionality}.
 */
public record PairStatistics(String drug, String event, long n, long nDrug, long nEvent, long nTotal, double expected,
        Double prr, Double prrLower, Double prrUpper, Double chisqYates, Double ror, Double rorLower, Double rorUpper,
        Double fisherP, double ic, double icLower, double icUpper, boolean signalPrr, boolean signalRor,
        boolean signalIc, boolean signal) {

    /** The named statistic (a column name of the signals table: n, expected, prr, prr_lower, ..., ic_upper). */
    public Double value(String statistic) {
        return switch (statistic) {
            case "n" -> (double) n;
            case "expected" -> expected;
            case "prr" -> prr;
            case "prr_lower" -> prrLower;
            case "prr_upper" -> prrUpper;
            case "chisq_yates" -> chisqYates;
            case "ror" -> ror;
            case "ror_lower" -> rorLower;
            case "ror_upper" -> rorUpper;
            case "fisher_p" -> fisherP;
            case "ic" -> ic;
            case "ic_lower" -> icLower;
            case "ic_upper" -> icUpper;
            default -> throw new IllegalArgumentException("unknown statistic '" + statistic + "'");
        };
    }
}
