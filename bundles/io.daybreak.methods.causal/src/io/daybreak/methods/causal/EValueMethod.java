package io.daybreak.methods.causal;

import java.util.Locale;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.Method;
import io.daybreak.core.method.MethodContext;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.MethodResult;
import io.daybreak.core.method.ParameterSpec;
import io.daybreak.core.method.Parameters;
import io.daybreak.data.Table;
import io.daybreak.stats.causal.EValue;

/** {@code causal.evalue}: E-values of a risk, odds or hazard ratio and of its confidence limit. */
@Component(service = Method.class)
public final class EValueMethod implements Method {
    private static final MethodDescriptor DESCRIPTOR = MethodDescriptor.builder("causal.evalue",
            "E-value: sensitivity of an association to unmeasured confounding")
            .category("causal")
            .reference("VanderWeele & Ding, Ann Intern Med 2017; R EValue")
            .description("The minimum risk-ratio association an unmeasured confounder would need with both treatment "
                    + "and outcome to explain the estimate (and its confidence limit) away. Odds and hazard ratios of a "
                    + "common outcome (>= 15%) are converted to the risk-ratio scale first.")
            .parameter(ParameterSpec.choice("measure", "RR", "OR", "HR").defaultValue("RR"))
            .parameter(ParameterSpec.real("estimate").greaterThan(0).doc("the ratio estimate"))
            .parameter(ParameterSpec.real("lower").greaterThan(0).optional().doc("lower confidence limit"))
            .parameter(ParameterSpec.real("upper").greaterThan(0).optional().doc("upper confidence limit"))
            .parameter(ParameterSpec.bool("rareOutcome").defaultValue(true)
                    .doc("outcome rarer than 15% (odds and hazard ratios then approximate risk ratios)"))
            .build();

    @Override
    public MethodDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public MethodResult apply(Map<String, Table> inputs, Parameters parameters, MethodContext context) {
        EValue.Measure measure = EValue.Measure.valueOf(parameters.string("measure").toUpperCase(Locale.ROOT));
        boolean rare = parameters.bool("rareOutcome");
        double estimate = parameters.real("estimate");
        MethodResult.Builder result = MethodResult.builder()
                .summary("measure", measure.name())
                .summary("riskRatio", EValue.riskRatio(estimate, measure, rare))
                .summary("eValue", EValue.of(estimate, measure, rare));
        if (parameters.has("lower") != parameters.has("upper")) {
            throw new InvalidParameterException("give both confidence limits 'lower' and 'upper', or neither");
        }
        if (parameters.has("lower")) {
            result.summary("eValueLimit", EValue.ofInterval(estimate, parameters.real("lower"), parameters.real("upper"),
                    measure, rare));
        }
        return result.build();
    }
}
