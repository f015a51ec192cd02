package io.daybreak.federation.policy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;

/**
 * A site's disclosure rules, applied to every payload before it leaves the node. Defaults follow
 * DataSHIELD's: non-zero cell counts at least 3, subsets (and their complements) at least 3, at most
 * 0.33·N model parameters, factors with at most 40 levels and at most 0.33·N levels, string arguments at most
 * 80 characters. A site overrides any of them in its policy file; each check throws
 * {@link DisclosureException} naming the rule and its threshold, never a value or a count from the data.
 *
 * @param minCellCount        smallest non-zero count that may be released; also the smallest level of a binary
 *                            column, of a column a site looks a value up in, and the smallest number of tied
 *                            events whose covariates a Cox or weighted Kaplan-Meier release sums at one time
 * @param minSubsetSize       smallest subset (and complement) a statistic may describe; also the smallest
 *                            difference between the row sets of two releases of one dataset (differencing)
 * @param maxParameterRatio   largest ratio of model parameters to observations
 * @param maxFactorLevels     largest number of factor levels
 * @param maxFactorLevelRatio largest ratio of factor levels to observations
 * @param maxStringLength     longest string argument accepted (and longest level label released)
 * @param releaseEventTimes   whether exact event and censoring times may leave the site (exact survival
 *                            analyses need them; DataSHIELD does not release them, so off by default)
 * @param minRiskSetSize      smallest non-empty risk set whose sums may be released (a risk set of one
 *                            would reveal that patient's covariates)
 * @param minRiskSetChange    smallest change between consecutive released risk sets (0 is always allowed); by
 *                            default {@code minSubsetSize}, since two risk sets that differ by one patient reveal
 *                            that patient's covariates by subtraction. A site may knowingly opt into less
 * @param hiddenColumns       columns the node never serves: requests naming them get the same answer as for a
 *                            column that does not exist
 */
public record DisclosurePolicy(long minCellCount, long minSubsetSize, double maxParameterRatio, int maxFactorLevels,
        double maxFactorLevelRatio, int maxStringLength, boolean releaseEventTimes, long minRiskSetSize,
        long minRiskSetChange, List<String> hiddenColumns) {

    public static final DisclosurePolicy DATASHIELD_DEFAULTS = new DisclosurePolicy(3, 3, 0.33, 40, 0.33, 80, false, 3);

    /** The kinds of rule in a policy file, each with its JSON type. */
    private enum Kind {
        COUNT, RATIO, FLAG, NAMES
    }

    private static final Map<String, Kind> RULES = rules();

    private static Map<String, Kind> rules() {
        Map<String, Kind> rules = new LinkedHashMap<>();
        rules.put("minCellCount", Kind.COUNT);
        rules.put("minSubsetSize", Kind.COUNT);
        rules.put("maxParameterRatio", Kind.RATIO);
        rules.put("maxFactorLevels", Kind.COUNT);
        rules.put("maxFactorLevelRatio", Kind.RATIO);
        rules.put("maxStringLength", Kind.COUNT);
        rules.put("releaseEventTimes", Kind.FLAG);
        rules.put("minRiskSetSize", Kind.COUNT);
        rules.put("minRiskSetChange", Kind.COUNT);
        rules.put("hiddenColumns", Kind.NAMES);
        return java.util.Collections.unmodifiableMap(rules);
    }

    public DisclosurePolicy {
        if (minCellCount < 1 || minSubsetSize < 1 || !(maxParameterRatio > 0 && maxParameterRatio <= 1)
                || maxFactorLevels < 1 || !(maxFactorLevelRatio > 0 && maxFactorLevelRatio <= 1) || maxStringLength < 1
                || minRiskSetSize < 1 || minRiskSetChange < 1) {
            throw new IllegalArgumentException("disclosure policy out of range: counts and sizes >= 1, ratios in (0, 1]");
        }
        hiddenColumns = List.copyOf(new LinkedHashSet<>(hiddenColumns));
    }

    /** The rules of DataSHIELD's era: {@code minRiskSetChange} = {@code minSubsetSize}, no hidden columns. */
    public DisclosurePolicy(long minCellCount, long minSubsetSize, double maxParameterRatio, int maxFactorLevels,
            double maxFactorLevelRatio, int maxStringLength, boolean releaseEventTimes, long minRiskSetSize) {
        this(minCellCount, minSubsetSize, maxParameterRatio, maxFactorLevels, maxFactorLevelRatio, maxStringLength,
                releaseEventTimes, minRiskSetSize, minSubsetSize, List.of());
    }

    public DisclosurePolicy withMinCellCount(long value) {
        return new DisclosurePolicy(value, minSubsetSize, maxParameterRatio, maxFactorLevels, maxFactorLevelRatio,
                maxStringLength, releaseEventTimes, minRiskSetSize, minRiskSetChange, hiddenColumns);
    }

    public DisclosurePolicy withReleaseEventTimes(boolean value) {
        return new DisclosurePolicy(minCellCount, minSubsetSize, maxParameterRatio, maxFactorLevels, maxFactorLevelRatio,
                maxStringLength, value, minRiskSetSize, minRiskSetChange, hiddenColumns);
    }

    public DisclosurePolicy withMinRiskSetSize(long value) {
        return new DisclosurePolicy(minCellCount, minSubsetSize, maxParameterRatio, maxFactorLevels, maxFactorLevelRatio,
                maxStringLength, releaseEventTimes, value, minRiskSetChange, hiddenColumns);
    }

    public DisclosurePolicy withMinRiskSetChange(long value) {
        return new DisclosurePolicy(minCellCount, minSubsetSize, maxParameterRatio, maxFactorLevels, maxFactorLevelRatio,
                maxStringLength, releaseEventTimes, minRiskSetSize, value, hiddenColumns);
    }

    public DisclosurePolicy withHiddenColumns(List<String> value) {
        return new DisclosurePolicy(minCellCount, minSubsetSize, maxParameterRatio, maxFactorLevels, maxFactorLevelRatio,
                maxStringLength, releaseEventTimes, minRiskSetSize, minRiskSetChange, value);
    }

    /** Whether the node hides this column (serves it as if it did not exist). */
    public boolean hides(String column) {
        return hiddenColumns.contains(column);
    }

    /**
     * Reads a policy file: a JSON object with any of the rule names; missing rules keep the defaults. Unknown or
     * repeated keys, wrong types (a count must be a whole number, a flag true or false, a ratio a number in (0, 1],
     * {@code hiddenColumns} a list of column names) and out-of-range values are errors naming the file, line and
     * column.
     */
    public static DisclosurePolicy read(Path file) throws IOException {
        String text = Files.readString(file);
        JsonFactory factory = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
        Map<String, Object> values = new LinkedHashMap<>();
        try (JsonParser parser = factory.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw error(file, parser.currentTokenLocation(),
                        "the policy must be a JSON object of rules, e.g. {\"minCellCount\": 5}");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                Kind kind = RULES.get(key);
                if (kind == null) {
                    throw error(file, parser.currentTokenLocation(), "unknown rule '" + key + "'; known rules: "
                            + String.join(", ", RULES.keySet().stream().sorted().toList()));
                }
                JsonToken token = parser.nextToken();
                values.put(key, value(file, parser, key, kind, token));
            }
            if (parser.nextToken() != null) {
                throw error(file, parser.currentTokenLocation(), "unexpected content after the policy object");
            }
        } catch (JsonProcessingException e) {
            throw error(file, e.getLocation(), "not valid JSON: " + e.getOriginalMessage());
        }
        DisclosurePolicy d = DATASHIELD_DEFAULTS;
        long minSubsetSize = (Long) values.getOrDefault("minSubsetSize", d.minSubsetSize());
        @SuppressWarnings("unchecked")
        List<String> hidden = (List<String>) values.getOrDefault("hiddenColumns", List.of());
        return new DisclosurePolicy(
                (Long) values.getOrDefault("minCellCount", d.minCellCount()),
                minSubsetSize,
                (Double) values.getOrDefault("maxParameterRatio", d.maxParameterRatio()),
                (int) (long) (Long) values.getOrDefault("maxFactorLevels", (long) d.maxFactorLevels()),
                (Double) values.getOrDefault("maxFactorLevelRatio", d.maxFactorLevelRatio()),
                (int) (long) (Long) values.getOrDefault("maxStringLength", (long) d.maxStringLength()),
                (Boolean) values.getOrDefault("releaseEventTimes", d.releaseEventTimes()),
                (Long) values.getOrDefault("minRiskSetSize", d.minRiskSetSize()),
                (Long) values.getOrDefault("minRiskSetChange", minSubsetSize),
                hidden);
    }

    /** One rule's value, type- and range-checked where it stands in the file. */
    private static Object value(Path file, JsonParser parser, String key, Kind kind, JsonToken token) throws IOException {
        JsonLocation at = parser.currentTokenLocation();
        switch (kind) {
        case COUNT -> {
            if (token != JsonToken.VALUE_NUMBER_INT) {
                throw error(file, at, "rule '" + key + "' must be a whole number");
            }
            long max = key.equals("maxFactorLevels") || key.equals("maxStringLength") ? Integer.MAX_VALUE : Long.MAX_VALUE;
            if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER || parser.getLongValue() < 1
                    || parser.getLongValue() > max) {
                throw error(file, at, "rule '" + key + "' is out of range: a whole number from 1 to " + max);
            }
            return parser.getLongValue();
        }
        case RATIO -> {
            if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
                throw error(file, at, "rule '" + key + "' must be a number in (0, 1]");
            }
            double value = parser.getDoubleValue();
            if (!(value > 0 && value <= 1)) {
                throw error(file, at, "rule '" + key + "' is out of range: ratios are in (0, 1]");
            }
            return value;
        }
        case FLAG -> {
            if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
                throw error(file, at, "rule '" + key + "' must be true or false");
            }
            return token == JsonToken.VALUE_TRUE;
        }
        default -> {
            if (token != JsonToken.START_ARRAY) {
                throw error(file, at, "rule '" + key + "' must be a list of column names, e.g. [\"name\", \"mrn\"]");
            }
            List<String> names = new ArrayList<>();
            for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY; item = parser.nextToken()) {
                if (item != JsonToken.VALUE_STRING || parser.getText().isBlank()) {
                    throw error(file, parser.currentTokenLocation(), "rule '" + key + "' must be a list of column names");
                }
                names.add(parser.getText());
            }
            return names;
        }
        }
    }

    private static PolicyFileException error(Path file, JsonLocation at, String message) {
        return new PolicyFileException(file + ":" + (at == null ? "?" : at.getLineNr() + ":" + at.getColumnNr()) + ": "
                + message);
    }

    /** Every non-zero count must be at least {@link #minCellCount}. */
    public void checkCounts(String what, long[] counts) {
        for (long count : counts) {
            if (count > 0 && count < minCellCount) {
                throw new DisclosureException("cell-count", what + " contains a non-zero count below " + minCellCount);
            }
        }
    }

    /** A statistic over {@code size} of {@code total} records: both the subset and its complement must be large. */
    public void checkSubset(String what, long size, long total) {
        if (size < minSubsetSize) {
            throw new DisclosureException("subset-size", what + " describes fewer than " + minSubsetSize + " records");
        }
        if (total - size > 0 && total - size < minSubsetSize) {
            throw new DisclosureException("subset-size", what + " leaves fewer than " + minSubsetSize
                    + " records outside it (its complement could be derived)");
        }
    }

    /**
     * Two releases of one dataset whose row sets differ by {@code difference} records (the size of the symmetric
     * difference): 0 (the same rows) or at least {@link #minSubsetSize}, else subtracting one from the other
     * reveals the records in between.
     */
    public void checkDifference(String what, long difference) {
        if (difference > 0 && difference < minSubsetSize) {
            throw differencing(what);
        }
    }

    /** The refusal of a row set too close to an earlier one (the same message whatever the difference). */
    public DisclosureException differencing(String what) {
        return new DisclosureException("differencing", what + " differ from the rows of an earlier release of this "
                + "dataset by fewer than " + minSubsetSize + " records; subtracting one from the other would reveal them");
    }

    /** A model with {@code parameters} parameters fitted to {@code n} observations. */
    public void checkParameters(String what, int parameters, long n) {
        if (parameters > maxParameterRatio * n) {
            throw new DisclosureException("parameter-ratio", what + " has " + parameters + " parameters, more than "
                    + maxParameterRatio + " x N; a near-saturated model can reveal individual records");
        }
    }

    /** A factor with {@code levels} levels over {@code n} observations. */
    public void checkFactor(String what, int levels, long n) {
        if (levels > maxFactorLevels || levels > maxFactorLevelRatio * n) {
            throw new DisclosureException("factor-levels", what + " has more levels than allowed: at most "
                    + maxFactorLevels + " and at most " + maxFactorLevelRatio + " x N");
        }
    }

    /** Exact event or censoring times are about to be released. */
    public void checkEventTimes(String what) {
        if (!releaseEventTimes) {
            throw new DisclosureException("event-times", what + " would release exact event times, which this site "
                    + "does not allow (policy rule releaseEventTimes)");
        }
    }

    /** Sums over risk sets of these sizes are about to be released; empty risk sets release nothing. */
    public void checkRiskSets(String what, long[] sizes) {
        for (long size : sizes) {
            if (size > 0 && size < minRiskSetSize) {
                throw new DisclosureException("risk-set-size", what + " includes a risk set with fewer than "
                        + minRiskSetSize + " patients");
            }
        }
    }

    /**
     * Sums over nested risk sets of these sizes (in order: each contains the next) are about to be released: each
     * change from one to the next must be 0 or at least {@link #minRiskSetChange}, or the difference of two sums
     * would be the sum over the few patients who left in between.
     */
    public void checkRiskSetChanges(String what, long[] sizes) {
        for (int k = 1; k < sizes.length; k++) {
            long change = sizes[k - 1] - sizes[k];
            if (change != 0 && change < minRiskSetChange) {
                throw new DisclosureException("risk-set-change", what + " includes consecutive risk sets that differ "
                        + "by fewer than " + minRiskSetChange + " patients (policy rule minRiskSetChange)");
            }
        }
    }

    /** String arguments (column names, formulas) no longer than {@link #maxStringLength}. */
    public void checkStrings(List<String> values) {
        for (String value : values) {
            if (value.length() > maxStringLength) {
                throw new DisclosureException("string-length", "a string argument is longer than " + maxStringLength
                        + " characters");
            }
        }
    }
}
