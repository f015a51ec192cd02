package io.daybreak.federation.policy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A site's disclosure rules, applied to every payload before it leaves the node. Defaults follow
 * DataSHIELD's: non-zero cell counts at least 3, subsets (and their complements) at least 3, at most
 * 0.33·N model parameters, factors with at most 40 levels and at most 0.33·N levels, string arguments at most
 * 80 characters. A site overrides any of them in its policy file; each check throws
 * {@link DisclosureException} naming the rule, never the data.
 *
 * @param minCellCount        smallest non-zero count that may be released
 * @param minSubsetSize       smallest subset (and complement) a statistic may describe
 * @param maxParameterRatio   largest ratio of model parameters to observations
 * @param maxFactorLevels     largest number of factor levels
 * @param maxFactorLevelRatio largest ratio of factor levels to observations
 * @param maxStringLength     longest string argument accepted
 * @param releaseEventTimes   whether exact event and censoring times may leave the site (exact survival
 *                            analyses need them; DataSHIELD does not release them, so off by default)
 * @param minRiskSetSize      smallest non-empty risk set whose sums may be released (a risk set of one
 *                            would reveal that patient's covariates)
 */
public record DisclosurePolicy(long minCellCount, long minSubsetSize, double maxParameterRatio, int maxFactorLevels,
        double maxFactorLevelRatio, int maxStringLength, boolean releaseEventTimes, long minRiskSetSize) {

    public static final DisclosurePolicy DATASHIELD_DEFAULTS = new DisclosurePolicy(3, 3, 0.33, 40, 0.33, 80, false, 3);
    private static final Set<String> KEYS = Set.of("minCellCount", "minSubsetSize", "maxParameterRatio",
            "maxFactorLevels", "maxFactorLevelRatio", "maxStringLength", "releaseEventTimes", "minRiskSetSize");

    public DisclosurePolicy {
        if (minCellCount < 1 || minSubsetSize < 1 || !(maxParameterRatio > 0 && maxParameterRatio <= 1)
                || maxFactorLevels < 1 || !(maxFactorLevelRatio > 0 && maxFactorLevelRatio <= 1) || maxStringLength < 1
                || minRiskSetSize < 1) {
            throw new IllegalArgumentException("disclosure policy out of range: counts and sizes >= 1, ratios in (0, 1]");
        }
    }

    /**
     * Reads a policy file: a JSON object with any of the rule names; missing rules keep the defaults. Unknown
     * keys, wrong types and out-of-range values are errors naming the file, line and column.
     */
    public static DisclosurePolicy read(Path file) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        JsonNode root;
        try {
            root = mapper.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new PolicyFileException(file + ":" + (at == null ? "?" : at.getLineNr() + ":" + at.getColumnNr())
                    + ": not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new PolicyFileException(file + ": the policy must be a JSON object of rules, e.g. {\"minCellCount\": 5}");
        }
        DisclosurePolicy d = DATASHIELD_DEFAULTS;
        for (String key : (Iterable<String>) root::fieldNames) {
            if (!KEYS.contains(key)) {
                throw new PolicyFileException(file + ": unknown rule '" + key + "'; known rules: " + String.join(", ",
                        KEYS.stream().sorted().toList()));
            }
            boolean flag = key.equals("releaseEventTimes");
            if (flag ? !root.get(key).isBoolean() : !root.get(key).isNumber()) {
                throw new PolicyFileException(file + ": rule '" + key + "' must be " + (flag ? "true or false" : "a number"));
            }
        }
        try {
            return new DisclosurePolicy(
                    root.path("minCellCount").asLong(d.minCellCount()),
                    root.path("minSubsetSize").asLong(d.minSubsetSize()),
                    root.path("maxParameterRatio").asDouble(d.maxParameterRatio()),
                    root.path("maxFactorLevels").asInt(d.maxFactorLevels()),
                    root.path("maxFactorLevelRatio").asDouble(d.maxFactorLevelRatio()),
                    root.path("maxStringLength").asInt(d.maxStringLength()),
                    root.path("releaseEventTimes").asBoolean(d.releaseEventTimes()),
                    root.path("minRiskSetSize").asLong(d.minRiskSetSize()));
        } catch (IllegalArgumentException e) {
            throw new PolicyFileException(file + ": " + e.getMessage());
        }
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
            throw new DisclosureException("factor-levels", what + " has " + levels + " levels; allowed: at most "
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
