package io.daybreak.methods.signal.disproportionality;

import java.util.List;
import java.util.Locale;

import io.daybreak.core.method.Choice;
import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.Setting;
import io.daybreak.stats.signal.disproportionality.Criteria;

/** Settings group: thresholds of the signal criteria, intervals, sorting and the smallest count reported. */
record SignalCriteria(
        @Setting(defaultValue = "2", min = 0, doc = "PRR criterion (Evans 2001): PRR at least this")
        double prrMin,
        @Setting(defaultValue = "4", min = 0, doc = "PRR criterion: Yates chi-square at least this")
        double chisqMin,
        @Setting(defaultValue = "3", min = 0, doc = "PRR and ROR criteria: at least this many reports of the pair")
        long nMin,
        @Setting(defaultValue = "1", min = 0, doc = "ROR criterion: lower confidence limit of the ROR above this")
        double rorLowerMin,
        @Setting(defaultValue = "0", doc = "IC criterion: IC025 (lower credibility limit) above this")
        double icLowerMin,
        @Setting(defaultValue = "0.95", min = 0, max = 1, minInclusive = false, maxInclusive = false,
                doc = "level of the PRR/ROR confidence and IC credibility intervals")
        double level,
        @Setting(defaultValue = "prr", doc = "criteria whose any one sets 'signal': a comma list of prr, ror, ic")
        String criteria,
        @Choice({"prr", "prr_lower", "chisq_yates", "ror", "ror_lower", "ic", "ic_lower", "fisher_p", "n", "expected"})
        @Setting(defaultValue = "prr", doc = "statistic the table is sorted by, descending (fisher_p ascending)")
        String sortBy,
        @Setting(defaultValue = "1", min = 1, doc = "report only pairs with at least this many reports")
        long minCount) {

    Criteria toCriteria() {
        boolean prr = false;
        boolean ror = false;
        boolean ic = false;
        for (String word : List.of(criteria.split(","))) {
            switch (word.trim().toLowerCase(Locale.ROOT)) {
                case "prr" -> prr = true;
                case "ror" -> ror = true;
                case "ic" -> ic = true;
                default -> throw new InvalidParameterException("parameter 'criteria': '" + word.trim()
                        + "' is not one of prr, ror, ic");
            }
        }
        return new Criteria(prrMin, chisqMin, nMin, rorLowerMin, icLowerMin, level, prr, ror, ic);
    }
}
