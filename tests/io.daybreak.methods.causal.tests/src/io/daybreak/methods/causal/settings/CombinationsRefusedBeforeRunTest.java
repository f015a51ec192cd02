package io.daybreak.methods.causal.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.Parameters;
import io.daybreak.methods.causal.EValueMethod;
import io.daybreak.methods.causal.EffectMethod;
import io.daybreak.methods.causal.WeightingMethod;
import io.daybreak.methods.causal.federated.CausalFederatedMethod;

/**
 * The causal methods' checks across parameters live in their settings records, so binding the parameters refuses a
 * bad combination before any data are read or any site is asked; the local and federated IPTW share the weighting
 * group, so they refuse the same combinations with the same words.
 */
class CombinationsRefusedBeforeRunTest {
    private static final Map<String, String> COLUMNS = Map.of("treatment", "A", "covariates", "x1,x2");

    @Test
    void stabilisedWeightsNeedTheAteLocallyAndAcrossSites() {
        Map<String, String> att = with(COLUMNS, "estimand", "ATT", "stabilize", "true");
        String local = refused(new WeightingMethod().descriptor(), att);
        String federated = refused(new CausalFederatedMethod().descriptor(), att);
        assertTrue(local.contains("'stabilize'") && local.contains("ATE only"), local);
        assertEquals(local, federated);
    }

    @Test
    void effectEstimatorsMustFitTheOutcomeAndTheEstimand() {
        Map<String, String> effect = with(COLUMNS, "outcome", "y");
        MethodDescriptor descriptor = new EffectMethod().descriptor();
        assertTrue(refused(descriptor, with(effect, "estimand", "ATT", "estimators", "aipw"))
                .contains("estimate the ATE"));
        assertTrue(refused(descriptor, with(effect, "estimators", "iptw,bart")).contains("'bart'"));
        assertTrue(refused(descriptor, with(effect, "outcomeType", "survival", "estimators", "gcomp"))
                .contains("IPTW"));
        assertTrue(refused(descriptor, with(effect, "outcomeType", "survival", "times", "30,soon"))
                .contains("'times'"));
        // the default estimators drop AIPW and TMLE for the ATT instead of refusing; times mean nothing without survival
        Parameters.bind(descriptor, with(effect, "estimand", "ATT", "times", "soon"));
    }

    @Test
    void iptwAcrossSitesNeedsAnOutcomeForSurvival() {
        String message = refused(new CausalFederatedMethod().descriptor(), Map.of("covariates", "age",
                "outcomeType", "survival"));
        assertTrue(message.contains("'outcome'"), message);
    }

    @Test
    void eValueLimitsComeInPairs() {
        String message = refused(new EValueMethod().descriptor(), Map.of("estimate", "2", "upper", "3"));
        assertTrue(message.contains("both confidence limits"), message);
    }

    private static String refused(MethodDescriptor descriptor, Map<String, String> raw) {
        return assertThrows(InvalidParameterException.class, () -> Parameters.bind(descriptor, raw)).getMessage();
    }

    private static Map<String, String> with(Map<String, String> base, String... pairs) {
        Map<String, String> raw = new HashMap<>(base);
        for (int i = 0; i < pairs.length; i += 2) {
            raw.put(pairs[i], pairs[i + 1]);
        }
        return raw;
    }
}
