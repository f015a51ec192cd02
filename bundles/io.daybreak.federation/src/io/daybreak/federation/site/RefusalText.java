package io.daybreak.federation.site;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last line of defence for what a refusal says: every number in a refusal must be one the request itself held
 * or one of the node's published policy thresholds and protocol limits, and every quoted text must occur in the
 * request. Anything else — a number or a level a step's message picked up from the rows — is replaced by
 * {@code #}, so a refusal can name the rule and the parameter but never carries a value computed from rows.
 */
final class RefusalText {
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])-?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?(?![\\w])");
    private static final Pattern QUOTED = Pattern.compile("'([^']*)'");
    private static final Pattern WORD_SEPARATORS = Pattern.compile("[\\s,\"':{}\\[\\]=]+");

    private RefusalText() {
    }

    /**
     * @param message the refusal as the code wrote it
     * @param request every text of the request (specification fields, parameter names and values, round)
     * @param public_ numbers a requester may see anyway (policy thresholds, protocol limits), as written
     */
    static String clean(String message, Collection<String> request, Collection<String> public_) {
        if (message == null) {
            return "";
        }
        Set<String> allowedNumbers = new HashSet<>(public_);
        Set<String> allowedTexts = new HashSet<>();
        for (String text : request) {
            allowedTexts.add(text);
            for (String part : text.split(",")) {
                allowedTexts.add(part.strip());
            }
            // the words of structured values (a JSON argument, a list): each was written by the requester
            for (String word : WORD_SEPARATORS.split(text)) {
                allowedTexts.add(word);
            }
            Matcher numbers = NUMBER.matcher(text);
            while (numbers.find()) {
                allowedNumbers.add(numbers.group());
            }
        }
        StringBuilder quotedClean = new StringBuilder();
        Matcher quoted = QUOTED.matcher(message);
        while (quoted.find()) {
            String inside = quoted.group(1);
            boolean known = allowedTexts.contains(inside);
            quoted.appendReplacement(quotedClean, Matcher.quoteReplacement(known ? quoted.group() : "'#'"));
        }
        quoted.appendTail(quotedClean);
        StringBuilder clean = new StringBuilder();
        Matcher numbers = NUMBER.matcher(quotedClean);
        while (numbers.find()) {
            String number = numbers.group();
            numbers.appendReplacement(clean, Matcher.quoteReplacement(allowedNumbers.contains(number) ? number : "#"));
        }
        numbers.appendTail(clean);
        return clean.toString();
    }
}
