package io.daybreak.methods.causal;

import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.daybreak.core.method.Choice;
import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.Method;
import io.daybreak.core.method.MethodContext;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.MethodResult;
import io.daybreak.core.method.Setting;
import io.daybreak.core.method.SettingsMethod;
import io.daybreak.data.Table;
import io.daybreak.stats.causal.EValue;

/** {@code causal.evalue}: E-values of a risk, odds or hazard ratio and of its confidence limit. */
@Component(service = Method.class)
public final class EValueMethod extends SettingsMethod<EValueMethod.EValueSettings> {
    /** What causal.evalue takes: a ratio and, optionally, both of its confidence limits. */
    record EValueSettings(
            // upper-case words, as the measures are written, so a String choice rather than EValue.Measure
            @Setting(defaultValue = "RR")
            @Choice({"RR", "OR", "HR"})
            String measure,
            @Setting(min = 0, minInclusive = false, doc = "the ratio estimate")
            double estimate,
            @Setting(min = 0, minInclusive = false, optional = true, doc = "lower confidence limit")
            Double lower,
            @Setting(min = 0, minInclusive = false, optional = true, doc = "upper confidence limit")
            Double upper,
            @Setting(defaultValue = "true",
                    doc = "outcome rarer than 15% (odds and hazard ratios then approximate risk ratios)")
            boolean rareOutcome) {

        EValueSettings {
            if ((lower == null) != (upper == null)) {
                throw new InvalidParameterException("give both confidence limits 'lower' and 'upper', or neither");
            }
        }
    }

    public EValueMethod() {
        super(EValueSettings.class, MethodDescriptor.builder("causal.evalue",
                "E-value: sensitivity of an association to unmeasured confounding")
                .category("causal")
                .reference("VanderWeele & Ding, Ann Intern Med 2017; R EValue")
                .description("The minimum risk-ratio association an unmeasured confounder would need with both treatment "
                        + "and outcome to explain the estimate (and its confidence limit) away. Odds and hazard ratios of a "
                        + "common outcome (>= 15%) are converted to the risk-ratio scale first."));
    }

    @Override
    protected MethodResult run(Map<String, Table> inputs, EValueSettings settings, MethodContext context) {
        EValue.Measure measure = EValue.Measure.valueOf(settings.measure());
        boolean rare = settings.rareOutcome();
        double estimate = settings.estimate();
        MethodResult.Builder result = MethodResult.builder()
                .summary("measure", measure.name())
                .summary("riskRatio", EValue.riskRatio(estimate, measure, rare))
                .summary("eValue", EValue.of(estimate, measure, rare));
        if (settings.lower() != null) {
            result.summary("eValueLimit", EValue.ofInterval(estimate, settings.lower(), settings.upper(), measure, rare));
        }
        return result.build();
    }
}
