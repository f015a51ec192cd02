package io.daybreak.methods.design.settings;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.daybreak.core.method.Method;
import io.daybreak.core.testing.ParameterSpecsPin;
import io.daybreak.methods.design.blrm.BlrmMethod;
import io.daybreak.methods.design.blrm.BlrmPosteriorMethod;
import io.daybreak.methods.design.blrm2.Blrm2Method;
import io.daybreak.methods.design.blrm2.Blrm2PosteriorMethod;
import io.daybreak.methods.design.boin12.Boin12Method;
import io.daybreak.methods.design.combination.BoinCombMethod;
import io.daybreak.methods.design.combination.WaterfallMethod;
import io.daybreak.methods.design.compare.CompareMethod;
import io.daybreak.methods.design.crm.CrmMethod;
import io.daybreak.methods.design.crm.CrmPosteriorMethod;
import io.daybreak.methods.design.crm.CrmSkeletonMethod;
import io.daybreak.methods.design.crm.TiteCrmMethod;
import io.daybreak.methods.design.decisiontable.DecisionTableExportMethod;
import io.daybreak.methods.design.decisiontable.DecisionTableMethod;
import io.daybreak.methods.design.interval.BoinBoundariesMethod;
import io.daybreak.methods.design.interval.BoinMethod;
import io.daybreak.methods.design.interval.BoinMtdMethod;
import io.daybreak.methods.design.interval.KeyboardMethod;
import io.daybreak.methods.design.interval.TiteBoinMethod;
import io.daybreak.methods.design.map.MapPriorMethod;
import io.daybreak.methods.design.blrmmap.BlrmMapPriorMethod;
import io.daybreak.methods.design.pathways.PathwaysMethod;
import io.daybreak.methods.design.optimisation.ProgrammeMethod;
import io.daybreak.methods.design.optimisation.RandomisedSelectionMethod;
import io.daybreak.methods.design.optimisation.UBoinMethod;
import io.daybreak.methods.design.phase2.Bop2Method;
import io.daybreak.methods.design.phase2.PpMonitorMethod;
import io.daybreak.methods.design.phase2.ToxMonitorMethod;
import io.daybreak.methods.design.simon.SimonMethod;
import io.daybreak.methods.design.threeplusthree.ThreePlusThreeMethod;

/**
 * Users see no change when a method moves to a settings record: every design method's parameter specs (id, names,
 * order, types, units, defaults, ranges, choices, documentation) equal those pinned in
 * {@code previous-parameter-specs.txt}, which this test wrote from the code before typed settings (issue 14).
 */
class ParameterSpecsPinTest {
    private static final String PINNED = "previous-parameter-specs.txt";

    static List<Method> methods() {
        return List.of(new BoinMethod(), new TiteBoinMethod(), new KeyboardMethod(), new BoinBoundariesMethod(),
                new CrmMethod(), new TiteCrmMethod(), new CrmSkeletonMethod(), new Boin12Method(),
                new ThreePlusThreeMethod(), new BlrmMethod(), new BlrmPosteriorMethod(), new CompareMethod(),
                new PathwaysMethod(), new Bop2Method(), new SimonMethod(), new PpMonitorMethod(),
                new ToxMonitorMethod(), new CrmPosteriorMethod(), new BoinMtdMethod(), new BoinCombMethod(),
                new WaterfallMethod(), new MapPriorMethod(), new RandomisedSelectionMethod(), new ProgrammeMethod(),
                new UBoinMethod(), new DecisionTableMethod(), new DecisionTableExportMethod(),
                new BlrmMapPriorMethod(), new Blrm2PosteriorMethod(), new Blrm2Method());
    }

    @Test
    void everyDesignMethodDeclaresTheParametersItDeclaredBeforeTypedSettings() {
        ParameterSpecsPin.assertUnchanged(ParameterSpecsPinTest.class, PINNED,
                methods().stream().map(Method::descriptor).toList());
    }
}
