package io.daybreak.core.testing;

import java.util.List;
import java.util.Map;

import org.apache.arrow.memory.BufferAllocator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.ParameterSpec;
import io.daybreak.core.method.Parameters;
import io.daybreak.federation.FederatedMethod;
import io.daybreak.federation.Sites;
import io.daybreak.federation.analysis.AnalysisSpec;
import io.daybreak.federation.analysis.StepRequest;
import io.daybreak.federation.site.Requester;
import io.daybreak.federation.site.SiteNode;

/**
 * A test-only federated method whose single round asks for exactly the site step and arguments in its parameters.
 * Installed in a test node, it drives one site step with chosen arguments through the node's whole request path —
 * authorisation, the disclosure guard and row-set ledger, the audit log, the cleaning of refusal texts — so that the
 * disclosure rules of the steps can be tested at chosen points. No production node installs it: it would hand the
 * requester the evaluation point, which is exactly what ADR 0013 takes away.
 */
public final class DirectStepAnalysis implements FederatedMethod {
    public static final String ID = "test.direct-step";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MethodDescriptor DESCRIPTOR = MethodDescriptor.builder(ID,
            "One site step at arguments the requester chooses (tests only)")
            .parameter(ParameterSpec.string("method").doc("the site step's method"))
            .parameter(ParameterSpec.string("step").doc("the step"))
            .parameter(ParameterSpec.string("arguments").doc("the step's arguments as JSON"))
            .build();

    @Override
    public MethodDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Outcome run(Sites sites, Parameters parameters, BufferAllocator allocator) {
        Map<String, Object> arguments;
        try {
            arguments = JSON.readValue(parameters.string("arguments"), new TypeReference<Map<String, Object>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("parameter 'arguments' is not a JSON object");
        }
        sites.call(parameters.string("method"), parameters.string("step"), arguments);
        return new Outcome(Map.of(), 1, true);
    }

    /**
     * What {@code node} releases for one step at these arguments, asked by {@code requester} (an X.500 name), through
     * its request path; a refusal is the node's {@link io.daybreak.federation.site.NodeException}.
     */
    public static byte[] handle(SiteNode node, String requester, String method, String step, String dataset,
            Map<String, Object> arguments) {
        String json;
        try {
            json = JSON.writeValueAsString(arguments);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("arguments that are not JSON", e);
        }
        AnalysisSpec spec = AnalysisSpec.open(ID, dataset, Map.of("method", method, "step", step, "arguments", json),
                List.of(node.name()));
        return node.handle(Requester.researcher(requester), new StepRequest(spec, 0, List.of(), "")).aggregates();
    }
}
